// `npm start`: the server, configured from the environment (see src/config.ts and the README).
import { loadConfigOrExit, start } from './main.js';

await start(loadConfigOrExit());
