// The realtime engine gitter.im ran: Faye 1.4 with the faye-redis engine, for the fan-out
// comparison. Bayeux (websocket) at /bayeux; POST /publish {channel, data} publishes through the
// server-side Faye client, as gitter.im's API servers did after storing a message.
// Settings: FAYE_PORT, REDIS_PORT (a Redis of its own, which the bench starts), REDIS_DB.
'use strict';
const http = require('http');
const faye = require('faye');
const fayeRedis = require('faye-redis');

const port = Number(process.env.FAYE_PORT || 8000);
const bayeux = new faye.NodeAdapter({
  mount: '/bayeux',
  timeout: 45,
  engine: {
    type: fayeRedis,
    host: '127.0.0.1',
    port: Number(process.env.REDIS_PORT || 6379),
    database: Number(process.env.REDIS_DB || 0),
    namespace: 'bench'
  }
});
const publisher = bayeux.getClient();

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/publish') {
    res.writeHead(404).end();
    return;
  }
  let body = '';
  req.on('data', chunk => (body += chunk));
  req.on('end', () => {
    let message;
    try {
      message = JSON.parse(body);
    } catch (e) {
      res.writeHead(400).end();
      return;
    }
    publisher.publish(message.channel, message.data).then(
      () => res.writeHead(200, {'Content-Type': 'application/json'}).end('{"ok":true}'),
      error => res.writeHead(500).end(String(error && error.message)));
  });
});
bayeux.attach(server);
server.listen(port, '127.0.0.1', () => console.log('faye ready on port ' + port));

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
