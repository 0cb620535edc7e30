/** The sandbox's chat page (GET /), its static files and the room photos the hotel file points at. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import express from 'express';
import { projectRoot, sandboxPublicDir } from '../paths';

export const PUBLIC_DIR = sandboxPublicDir;
const IMG_DIR = path.join(projectRoot, 'config', 'img');

function fileRoute(dir: string): express.RequestHandler {
  return (req, res) => {
    const full = path.join(dir, path.basename(String(req.params.file)));
    if (!fs.existsSync(full)) return void res.status(404).end();
    res.sendFile(full);
  };
}

export function pageRouter(): express.Router {
  const router = express.Router();
  router.get('/', (_req, res) => res.sendFile(path.join(PUBLIC_DIR, 'index.html')));
  router.get('/sandbox/static/:file', fileRoute(PUBLIC_DIR));
  router.get('/sandbox/img/:file', fileRoute(IMG_DIR));
  return router;
}
