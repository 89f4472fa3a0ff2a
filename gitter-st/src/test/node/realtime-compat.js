// Drives the stock `faye` npm client and node-gitter's room.subscribe() against a running instance.
// Env: GITTER_BAYEUX (http://host:port/bayeux/), GITTER_API (http://host:port/api/v1),
//      GITTER_TOKEN (the listener), GITTER_SENDER_TOKEN, GITTER_ROOM_ID, GITTER_PRIVATE_ROOM_ID;
//      GITTER_WEBSOCKETS_REFUSED=1: the server refuses websockets (503), so only the check that
//      the stock client falls back to long-polling runs.
// Prints one JSON line per check and exits non-zero on the first failure.
'use strict';
const Faye = require('faye');
const Gitter = require('node-gitter');
const assert = require('assert');

const env = process.env;
const messages = `/api/v1/rooms/${env.GITTER_ROOM_ID}/chatMessages`;

async function check(name, fn) {
  try {
    const detail = await fn();
    console.log(JSON.stringify({ check: name, ok: true, detail }));
  } catch (e) {
    console.log(JSON.stringify({ check: name, ok: false, error: String((e && e.stack) || e) }));
    process.exit(1);
  }
}

async function post(path, body, method = 'POST') {
  const response = await fetch(env.GITTER_API + path, {
    method,
    headers: { Authorization: `Bearer ${env.GITTER_SENDER_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  assert.strictEqual(response.status, 200, text);
  return JSON.parse(text);
}

function withTimeout(promise, what, millis = 10000) {
  return Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), millis)),
  ]);
}

// A faye client that sends the token at handshake and records snapshots and ext.c of deliveries.
function fayeClient(transport) {
  const client = new Faye.Client(env.GITTER_BAYEUX, { timeout: 60, retry: 1 });
  if (transport === 'long-polling') client.disable('websocket');
  const seen = { snapshots: {}, sequence: [], connectionTypes: new Set() };
  client.addExtension({
    outgoing(message, callback) {
      if (message.channel === '/meta/handshake') message.ext = { token: env.GITTER_TOKEN };
      if (message.channel === '/meta/connect') seen.connectionTypes.add(message.connectionType);
      if (message.channel === '/meta/subscribe') message.ext = { snapshot: { limit: 3 } };
      callback(message);
    },
    incoming(message, callback) {
      if (message.channel === '/meta/subscribe' && message.ext) {
        seen.snapshots[message.subscription] = message.ext.snapshot;
      }
      if (!message.channel.startsWith('/meta/') && message.data && message.ext) {
        seen.sequence.push(message.ext.c);
      }
      callback(message);
    },
  });
  return { client, seen };
}

async function liveOver(transport) {
  const { client, seen } = fayeClient(transport);
  const events = [];
  let wake;
  const subscription = client.subscribe(messages, (data) => {
    events.push(data);
    if (wake) wake();
  });
  await withTimeout(subscription, `${transport} subscribe`);
  assert.ok(Array.isArray(seen.snapshots[messages]), 'a snapshot came with the subscription');
  const text = `${transport} ${Date.now()}`;
  const sent = await post(`/rooms/${env.GITTER_ROOM_ID}/chatMessages`, { text });
  await post(`/rooms/${env.GITTER_ROOM_ID}/chatMessages/${sent.id}`, { text: `${text}!` }, 'PUT');
  await withTimeout(
    new Promise((resolve) => {
      wake = () => events.length >= 2 && resolve();
      wake();
    }),
    `${transport} create and update`,
  );
  assert.strictEqual(events[0].operation, 'create');
  assert.strictEqual(events[0].model.text, text);
  assert.strictEqual(events[1].operation, 'update');
  assert.deepStrictEqual(seen.sequence.slice(0, 2), [1, 2]);
  client.disconnect();
  return {
    snapshot: seen.snapshots[messages].length,
    sequence: seen.sequence,
    connectionTypes: [...seen.connectionTypes],
  };
}

(async () => {
  if (env.GITTER_WEBSOCKETS_REFUSED === '1') {
    await check('faye: websocket refused (503), falls back to long-polling', async () => {
      const result = await liveOver('websocket');
      assert.deepStrictEqual(result.connectionTypes, ['long-polling']);
      return result;
    });
    process.exit(0);
  }
  await check('faye websocket: snapshot, create, update, ext.c', async () => {
    const result = await liveOver('websocket');
    // its first connect may go by long-polling while it tries the websocket
    assert.ok(result.connectionTypes.includes('websocket'), 'connected over a websocket');
    return result;
  });
  await check('faye long-polling: snapshot, create, update, ext.c', () => liveOver('long-polling'));

  await check('faye: private room refused', async () => {
    const { client } = fayeClient('websocket');
    const refused = await withTimeout(
      client.subscribe(`/api/v1/rooms/${env.GITTER_PRIVATE_ROOM_ID}/chatMessages`, () => {}).then(
        () => null,
        (error) => error,
      ),
      'refusal',
    );
    client.disconnect();
    assert.ok(refused, 'the subscription failed');
    assert.strictEqual(refused.code, 403);
    return refused.message;
  });

  await check('faye: publishing refused, ping2 allowed', async () => {
    const { client } = fayeClient('websocket');
    const denied = await withTimeout(
      client.publish(messages, { text: 'pushed' }).then(() => null, (error) => error),
      'publish',
    );
    assert.ok(denied, 'publishing to a room channel fails');
    assert.strictEqual(denied.message, 'Push access denied');
    await withTimeout(client.publish('/api/v1/ping2', { reason: 'ping' }), 'ping2');
    client.disconnect();
    return denied.message;
  });

  await check('node-gitter room.subscribe()', async () => {
    const gitter = new Gitter(env.GITTER_TOKEN, {
      client: { apiEndpoint: env.GITTER_API },
      faye: { host: env.GITTER_BAYEUX },
    });
    const room = await gitter.rooms.find(env.GITTER_ROOM_ID);
    const text = `node-gitter ${Date.now()}`;
    const heard = new Promise((resolve) => {
      room.on('chatMessages', (event) => {
        if (event.operation === 'create' && event.model.text === text) resolve(event.model.id);
      });
    });
    room.subscribe();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await post(`/rooms/${env.GITTER_ROOM_ID}/chatMessages`, { text });
    const id = await withTimeout(heard, 'node-gitter event');
    gitter.faye.disconnect();
    gitter.faye.client.disconnect();
    return id;
  });
  process.exit(0);
})();
