/**
 * The benchmark's baseline: a bare Express endpoint that only parses the same JSON and answers 200.
 * Run as its own process, like the service, so both are measured the same way.
 */
import express from 'express';

export function startBaseline(port: number): Promise<number> {
  const app = express();
  app.post('/webhooks/chatwoot', express.json({ limit: '1mb' }), (req, res) => {
    res.status(200).json({ status: 'accepted', id: (req.body as { id?: unknown })?.id ?? null });
  });
  return new Promise((resolve) => {
    const server = app.listen(port, '127.0.0.1', () => {
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : port);
    });
  });
}

if (require.main === module) {
  startBaseline(Number(process.env.PORT ?? 0)).then((port) => process.stdout.write(`listening ${port}\n`));
}
