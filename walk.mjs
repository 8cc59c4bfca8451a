import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3100';
const out = '/tmp/shots';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = () => browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-BE' });
async function login(page, user) {
  await page.goto(`${base}/login`);
  await page.fill('input[name="login"]', user);
  await page.fill('input[name="password"]', 'integriteit-demo');
  await Promise.all([page.waitForLoadState('load'), page.locator('main form button[type="submit"]').first().click()]);
}
const shot = async (page, name) => { await page.screenshot({ path: `${out}/${name}.png`, fullPage: true }); console.log('shot', name, page.url()); };
// Admin opens the general topic every day (a Saturday walkthrough).
const admin = await (await ctx()).newPage();
await login(admin, 'admin');
await admin.goto(`${base}/admin/contact`);
await shot(admin, '01-admin-contact');
await admin.locator('main a[href^="/admin/contact/topics/"]').first().click();
await admin.waitForLoadState('load');
for (const d of ['mon','tue','wed','thu','fri','sat','sun']) { await admin.fill(`input[name="${d}_1_from"]`, '00:00'); await admin.fill(`input[name="${d}_1_to"]`, '24:00'); }
const hol = admin.locator('input[name="closed_on_holidays"]'); if (await hol.isChecked()) await hol.uncheck();
await Promise.all([admin.waitForLoadState('load'), admin.locator('main form button[type="submit"]').first().click()]);
await shot(admin, '02-admin-topic-saved');
// Visitor
const visitor = await (await ctx()).newPage();
await visitor.goto(`${base}/contact`);
await shot(visitor, '03-contact');
await visitor.goto(`${base}/contact/chat`);
await visitor.locator('input[name="topicId"]').first().check();
await visitor.fill('input[name="name"]', 'Els');
await Promise.all([visitor.waitForLoadState('load'), visitor.locator('main form button[type="submit"]').first().click()]);
await shot(visitor, '04-admission');
const anyway = visitor.locator('input[name="join"][value="anyway"]');
if (await anyway.count()) await Promise.all([visitor.waitForLoadState('load'), visitor.locator('form:has(input[name="join"]) button[type="submit"]').first().click()]);
await visitor.waitForTimeout(1500);
await shot(visitor, '05-chat-queued');
// Agent
const agent = await (await ctx()).newPage();
await login(agent, 'agent');
await agent.goto(`${base}/console`);
await agent.locator('input[name="availability"][value="available"]').check();
for (const box of await agent.locator('input[name="topics"]').all()) await box.check();
await Promise.all([agent.waitForLoadState('load'), agent.locator('form:has(input[name="availability"]) button[type="submit"]').first().click()]);
await agent.waitForTimeout(3000);
await shot(agent, '06-console');
await visitor.waitForTimeout(1000);
await shot(visitor, '07-chat-started');
await visitor.fill('textarea[name="body"]', 'Mag ik een geschenk van een leverancier aannemen?');
await visitor.keyboard.press('Enter').catch(() => {});
await visitor.locator('form:has(textarea[name="body"]) button[type="submit"]').first().click();
await agent.waitForTimeout(1500);
await shot(agent, '08-console-message');
await agent.goto(`${base}/console/email`);
await shot(agent, '09-console-email');
const coord = await (await ctx()).newPage();
await login(coord, 'coordinator');
await coord.goto(`${base}/insights/feedback`);
await shot(coord, '10-feedback');
await visitor.goto(`${base}/contact/email`);
await shot(visitor, '11-email-form');
await browser.close();
