'use strict';
// A small Bayeux 1.0 client over one websocket, as the chat page needs it: handshake with the
// page's API token, the /meta/connect loop, subscriptions made again after every reconnect, and
// ext.c gap detection. State changes ('up', 'down') and gaps are reported to the page.
window.GitterBayeux = (function () {
  function Client(url, token, onState) {
    this.url = url;
    this.token = token;
    this.onState = onState || function () {};
    this.subscriptions = {};
    this.clientId = null;
    this.lastSequence = 0;
    this.retryMillis = 1000;
    this.ids = 0;
  }

  Client.prototype.start = function () {
    var self = this;
    if (!this.leaving) {
      this.leaving = true;
      window.addEventListener('pagehide', function () {
        self.stopped = true;
        self.disconnect();
      });
    }
    var socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = function () {
      self.retryMillis = 1000;
      self.send({
        channel: '/meta/handshake',
        version: '1.0',
        supportedConnectionTypes: ['websocket'],
        ext: { token: self.token },
      });
    };
    socket.onmessage = function (event) {
      JSON.parse(event.data).forEach(function (message) { self.receive(message); });
    };
    socket.onclose = function () {
      self.clientId = null;
      if (self.stopped) return;
      self.onState('down');
      setTimeout(function () { self.start(); }, self.retryMillis);
      self.retryMillis = Math.min(self.retryMillis * 2, 15000);
    };
  };

  // Opens the socket unless another script of the page already did.
  Client.prototype.begin = function () {
    if (!this.socket) this.start();
  };

  // Says goodbye, so the server drops the client (and its presence) now, not after a timeout.
  Client.prototype.disconnect = function () {
    if (!this.clientId) return;
    this.send({ channel: '/meta/disconnect' });
    this.clientId = null;
  };

  Client.prototype.send = function (message) {
    message.id = String(++this.ids);
    if (this.clientId) message.clientId = this.clientId;
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify([message]));
  };

  // a client's own publish (a typing notice); dropped while disconnected, it would be stale anyway
  Client.prototype.publish = function (channel, data) {
    if (this.clientId) this.send({ channel: channel, data: data });
  };

  Client.prototype.connect = function () {
    this.send({ channel: '/meta/connect', connectionType: 'websocket' });
  };

  // onSubscribed runs after each successful (re)subscribe: what happened before it (between the
  // page's rendering and the subscription, or while disconnected) is the page's to fetch.
  Client.prototype.subscribe = function (channel, onMessage, onSnapshot, onSubscribed) {
    this.subscriptions[channel] = { onMessage: onMessage, onSnapshot: onSnapshot, onSubscribed: onSubscribed };
    if (this.clientId) this.sendSubscribe(channel);
  };

  Client.prototype.sendSubscribe = function (channel) {
    var wantsSnapshot = Boolean(this.subscriptions[channel].onSnapshot);
    this.send({ channel: '/meta/subscribe', subscription: channel, ext: { snapshot: wantsSnapshot } });
  };

  Client.prototype.receive = function (message) {
    var self = this;
    switch (message.channel) {
      case '/meta/handshake':
        if (!message.successful) {
          this.onState('refused');
          return;
        }
        this.clientId = message.clientId;
        this.lastSequence = 0;
        this.connect();
        Object.keys(this.subscriptions).forEach(function (c) { self.sendSubscribe(c); });
        this.onState('up');
        return;
      case '/meta/connect':
        if (message.successful) {
          this.connect();
        } else {
          this.socket.close();
        }
        return;
      case '/meta/subscribe': {
        var subscription = this.subscriptions[message.subscription];
        if (message.successful && subscription && subscription.onSnapshot && message.ext) {
          subscription.onSnapshot(message.ext.snapshot);
        }
        if (message.successful && subscription && subscription.onSubscribed) subscription.onSubscribed();
        return;
      }
      default:
        if (message.data === undefined) return;
        this.checkSequence(message.ext && message.ext.c);
        if (this.subscriptions[message.channel]) {
          this.subscriptions[message.channel].onMessage(message.data);
        }
    }
  };

  // A gap in ext.c means deliveries were lost: resynchronise as after a reconnect.
  Client.prototype.checkSequence = function (sequence) {
    if (typeof sequence !== 'number') return;
    if (this.lastSequence && sequence !== this.lastSequence + 1) this.onState('gap');
    this.lastSequence = sequence;
  };

  // A <meta name="..."> value of the page (its token, user, room), or ''.
  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return (element && element.getAttribute('content')) || '';
  }

  // The page's one client (same host, /bayeux/, the page's token), shared by its scripts: each
  // adds its subscriptions and state listener, then calls begin().
  var pageClient = null;
  var pageListeners = [];
  function forPage(onState) {
    if (!pageClient) {
      var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
      pageClient = new Client(scheme + location.host + '/bayeux/', meta('gitter-token'), function (state) {
        pageListeners.forEach(function (listener) { listener(state); });
      });
    }
    if (onState) pageListeners.push(onState);
    return pageClient;
  }

  return { Client: Client, meta: meta, forPage: forPage };
})();
