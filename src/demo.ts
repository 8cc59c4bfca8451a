// `npm run demo`: the product in demo mode on its own data folder (DATA_DIR, else ./data-demo),
// filled with a demo organisation on first start. Demo mode shows a banner, lists the demo
// accounts on the login page and does not ask for a second factor.
import { seedDemoContact } from './contact/demo-contact.js';
import { seedDefaultTopics } from './contact/topics.js';
import { seedDemoData } from './demo/demo-data.js';
import { loadConfigOrExit, start } from './main.js';
import { systemClock } from './platform/clock.js';

const config = loadConfigOrExit({ ...process.env, DEMO: 'true' });
const app = await start(config, async ({ database }) => {
  const result = await seedDemoData(database.db, systemClock.now(), config);
  if (result.seeded) {
    console.log(`Demo data created: ${result.entities} entities and ${result.users} people.`);
    // The contact channel's example conversations need its topics, which buildApp seeds later.
    await seedDefaultTopics(database.db);
    await seedDemoContact(database.db, systemClock.now());
  }
});
app.log.info(
  'Demo mode: log in as admin, coordinator, handler, … with the password shown on the login page.',
);
