// The baseline for bench/http.ts: a bare Fastify app answering a constant string, started in its
// own process like the real server so both are measured the same way.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => 'Integrity Desk');
await app.listen({ host: '127.0.0.1', port: Number(process.argv[2] ?? 0) });
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
