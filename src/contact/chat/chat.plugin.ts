import type { FastifyInstance } from 'fastify';

/** The live chat's runtime: the hub of this instance, the visitor and agent WebSockets, assignment. */
export async function registerChatRuntime(_app: FastifyInstance): Promise<void> {}
