// The baseline for bench/chat.ts: a bare `ws` server that broadcasts a status frame to every
// connected client, with nothing else to do. GET /health answers 200; POST /broadcast?rounds=N
// with a JSON template in the body sends N rounds to every client (JSON-encoded per client with
// its own position, as the chat hub does) and answers when the frames are handed to the sockets.
import http from 'node:http';
import { WebSocketServer } from 'ws';

const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (request.method === 'GET' && url.pathname === '/health') {
    response.end('ok');
    return;
  }
  if (request.method === 'POST' && url.pathname === '/broadcast') {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      const template = JSON.parse(body) as Record<string, unknown>;
      const rounds = Number(url.searchParams.get('rounds') ?? 1);
      const clients = [...wss.clients];
      for (let round = 1; round <= rounds; round++) {
        for (const [i, ws] of clients.entries()) {
          ws.send(JSON.stringify({ ...template, position: rounds * 10_000 + i - round }));
        }
      }
      response.end(String(clients.length));
    });
    return;
  }
  response.statusCode = 404;
  response.end();
});
const wss = new WebSocketServer({ server, perMessageDeflate: false });
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1');
process.once('SIGTERM', () => {
  for (const ws of wss.clients) ws.terminate();
  server.close(() => process.exit(0));
});
