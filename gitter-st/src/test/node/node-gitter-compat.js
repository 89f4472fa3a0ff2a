// Drives the official node-gitter client against a running instance, the calls of its README.
// Env: GITTER_API (http://host:port/api/v1), GITTER_TOKEN, GITTER_ROOM_URI.
// Prints one JSON line per check and exits non-zero on the first failure.
'use strict';
const Gitter = require('node-gitter');
const assert = require('assert');

const gitter = new Gitter(process.env.GITTER_TOKEN, {
  client: { apiEndpoint: process.env.GITTER_API },
});

async function check(name, fn) {
  try {
    const detail = await fn();
    console.log(JSON.stringify({ check: name, ok: true, detail }));
  } catch (e) {
    console.log(JSON.stringify({ check: name, ok: false, error: String(e && e.stack || e) }));
    process.exit(1);
  }
}

(async () => {
  let user;
  let room;
  await check('currentUser', async () => {
    user = await gitter.currentUser();
    assert.match(user.id, /^[0-9a-f]{24}$/);
    assert.ok(user.username);
    return user.username;
  });
  await check('findByUsername', async () => {
    const found = await gitter.users.findByUsername(user.username);
    assert.strictEqual(found.id, user.id);
  });
  await check('joinByUri', async () => {
    room = await gitter.rooms.join(process.env.GITTER_ROOM_URI);
    assert.match(room.id, /^[0-9a-f]{24}$/);
    return room.uri;
  });
  await check('findRoom', async () => {
    const same = await gitter.rooms.find(room.id);
    assert.strictEqual(same.id, room.id);
  });
  await check('send', async () => {
    const message = await room.send('hello from **node-gitter**');
    assert.ok(message.html.includes('<strong>node-gitter</strong>'));
  });
  await check('sendStatus', async () => {
    const message = await room.sendStatus('waves');
    assert.strictEqual(message.status, true);
  });
  await check('chatMessages', async () => {
    const messages = await room.chatMessages({ limit: 10 });
    const texts = messages.map((m) => m.text);
    assert.ok(texts.includes('hello from **node-gitter**'), JSON.stringify(texts));
    assert.ok(texts.includes('waves'));
    return messages.length;
  });
  await check('markAsRead', async () => {
    const messages = await room.chatMessages({ limit: 1 });
    const result = await user.markAsRead(room.id, [messages[0].id]);
    assert.strictEqual(result.success, true);
  });
  await check('roomUsers', async () => {
    const users = await room.users();
    assert.ok(users.some((u) => u.id === user.id));
  });
  await check('userRooms', async () => {
    const rooms = await user.rooms();
    assert.ok(rooms.some((r) => r.id === room.id));
  });
  await check('reposAndOrgs', async () => {
    assert.deepStrictEqual(await user.repos(), []);
    assert.deepStrictEqual(await user.orgs(), []);
  });
  await check('rateLimitHeaders', async () => {
    assert.ok(Number(gitter.client.rateLimit) > 0, 'x-ratelimit-limit');
    assert.ok(gitter.client.remaining !== undefined, 'x-ratelimit-remaining');
  });
  await check('leave', async () => {
    await room.removeUser(user.id);
    const rooms = await user.rooms();
    assert.ok(!rooms.some((r) => r.id === room.id));
  });
})();
