import { startTestApp } from '../helpers/app.ts';
test('nest', async () => {
  const t = await startTestApp();
  const deep = '{"a":'.repeat(100000) + '1' + '}'.repeat(100000);
  const body = `{"type":"message","channelId":"msteams","serviceUrl":"http://x","from":{"id":"1"},"recipient":{"id":"2"},"conversation":{"id":"c"},"text":"secret words","value":${deep}}`;
  const res = await fetch(`${t.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  console.log(res.status, (await res.text()).slice(0, 300));
  const res2 = await fetch(`${t.base}/api/v1/me`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: deep });
  console.log(res2.status, (await res2.text()).slice(0, 300));
  await t.stop();
});
