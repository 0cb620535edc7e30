/**
 * A local Dialogflow ES server speaking the real gRPC protocol, built from the protos shipped inside
 * @google-cloud/dialogflow (and google-gax's common protos). Answers are scripted per test; requests are recorded.
 */
import * as path from 'node:path';
import * as protoLoader from '@grpc/proto-loader';
import { grpc } from 'google-gax';

const dfRoot = path.dirname(require.resolve('@google-cloud/dialogflow/package.json'));
const gaxBuild = path.resolve(require.resolve('google-gax', { paths: [dfRoot] }), '..', '..');
export const includeDirs = [path.join(dfRoot, 'build', 'protos'), path.join(gaxBuild, 'protos')];

export type Answer = ((request: any) => object) | { code: number; details: string } | 'hang';

export async function startFakeDialogflow() {
  const def = protoLoader.loadSync(['google/cloud/dialogflow/v2/session.proto', 'google/cloud/dialogflow/v2/agent.proto', 'google/longrunning/operations.proto'], {
    includeDirs,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  const root = grpc.loadPackageDefinition(def) as any;
  const requests: any[] = [];
  const state: { answer: Answer } = { answer: () => ({}) };
  const server = new grpc.Server();
  server.addService(root.google.cloud.dialogflow.v2.Sessions.service, {
    detectIntent: (call: any, cb: any) => {
      requests.push(call.request);
      const a = state.answer;
      if (a === 'hang') return; // never answers: the client's deadline must fire
      if (typeof a === 'function') cb(null, a(call.request));
      else cb(a);
    },
    streamingDetectIntent: (call: any) => call.destroy(Object.assign(new Error('not implemented'), { code: grpc.status.UNIMPLEMENTED })),
  });
  // Agents: long-running operations. restore and train finish at once; export answers "not done" first so the
  // client polls google.longrunning.Operations/GetOperation, as against Google.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { protos } = require('@google-cloud/dialogflow');
  const packAny = (type: string, bytes: Uint8Array) => ({ type_url: `type.googleapis.com/${type}`, value: Buffer.from(bytes) });
  const empty = packAny('google.protobuf.Empty', new Uint8Array());
  const operations = new Map<string, object>();
  const agent = { zip: undefined as Buffer | undefined, trained: 0, restored: 0 };
  server.addService(root.google.cloud.dialogflow.v2.Agents.service, {
    restoreAgent: (call: any, cb: any) => {
      agent.zip = Buffer.from(call.request.agentContent);
      agent.restored++;
      cb(null, { name: 'operations/restore-1', done: true, response: empty });
    },
    trainAgent: (_call: any, cb: any) => {
      agent.trained++;
      cb(null, { name: 'operations/train-1', done: true, response: empty });
    },
    exportAgent: (_call: any, cb: any) => {
      const bytes = protos.google.cloud.dialogflow.v2.ExportAgentResponse.encode({ agentContent: agent.zip ?? Buffer.alloc(0) }).finish();
      operations.set('operations/export-1', { name: 'operations/export-1', done: true, response: packAny('google.cloud.dialogflow.v2.ExportAgentResponse', bytes) });
      cb(null, { name: 'operations/export-1', done: false });
    },
  });
  server.addService(root.google.longrunning.Operations.service, {
    getOperation: (call: any, cb: any) => {
      const op = operations.get(call.request.name);
      if (op) cb(null, op);
      else cb({ code: grpc.status.NOT_FOUND, details: 'no such operation' });
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  return { port, endpoint: `http://127.0.0.1:${port}`, requests, state, agent, close: () => new Promise<void>((r) => server.tryShutdown(() => r())) };
}
