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
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  return { port, endpoint: `http://127.0.0.1:${port}`, requests, state, close: () => new Promise<void>((r) => server.tryShutdown(() => r())) };
}
