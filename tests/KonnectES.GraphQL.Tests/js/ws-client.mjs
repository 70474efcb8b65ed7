// graphql-transport-ws scenarios against a server: node ws-client.mjs <scenario> <ws-url>
// Prints one JSON object describing what happened.
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';

const [scenario, url] = process.argv.slice(2);
const print = (value) => { process.stdout.write(JSON.stringify(value)); process.exit(0); };
setTimeout(() => print({ timeout: true }), 8000);

function client(connectionParams) {
  return createClient({ url, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
}

function subscribeAll(c, payload) {
  return new Promise((resolve) => {
    const events = [];
    c.subscribe(payload, {
      next: (value) => events.push(value),
      error: (error) => resolve({ events, error: Array.isArray(error) ? error : String(error?.code ?? error) }),
      complete: () => resolve({ events, completed: true }),
    });
  });
}

// Raw frames for what the client library will not send; resolves with the close code.
function raw(frames, { waitForAck = false } = {}) {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    const received = [];
    socket.on('open', () => {
      if (!waitForAck) frames.forEach((f) => socket.send(typeof f === 'string' ? f : JSON.stringify(f)));
      else socket.send(JSON.stringify(frames[0]));
    });
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString());
      received.push(message);
      if (waitForAck && message.type === 'connection_ack') frames.slice(1).forEach((f) => socket.send(JSON.stringify(f)));
    });
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString(), received }));
  });
}

const init = { type: 'connection_init', payload: { token: 'ok' } };
const ticks = (id) => ({ id, type: 'subscribe', payload: { query: 'subscription { ticks }' } });

switch (scenario) {
  case 'subscribe': {
    const c = client({ token: 'ok' });
    const result = await subscribeAll(c, { query: 'subscription { todoAdded { title } }' });
    await c.dispose();
    print(result);
    break;
  }
  case 'query': {
    const c = client({ token: 'ok' });
    const result = await subscribeAll(c, { query: '{ todo(id: 1) { title } }' });
    await c.dispose();
    print(result);
    break;
  }
  case 'validation-error': {
    const c = client({ token: 'ok' });
    const result = await subscribeAll(c, { query: 'subscription { nope }' });
    await c.dispose();
    print(result);
    break;
  }
  case 'complete-mid-stream': {
    const c = client({ token: 'ok' });
    const events = [];
    await new Promise((resolve) => {
      const unsubscribe = c.subscribe({ query: 'subscription { ticks }' }, {
        next: (value) => { events.push(value); if (events.length === 2) { unsubscribe(); resolve(); } },
        error: resolve, complete: resolve,
      });
    });
    await new Promise((r) => setTimeout(r, 200));
    await c.dispose();
    print({ events });
    break;
  }
  case 'forbidden': print(await raw([{ type: 'connection_init', payload: { token: 'deny' } }])); break;
  case 'no-init': print(await raw([])); break;
  case 'double-init': print(await raw([init, init], { waitForAck: true })); break;
  case 'subscribe-before-ack': print(await raw([ticks('1')])); break;
  case 'duplicate-id': print(await raw([init, ticks('1'), ticks('1')], { waitForAck: true })); break;
  case 'bad-message': print(await raw([init, '{not json'], { waitForAck: true })); break;
  case 'unknown-type': print(await raw([init, { type: 'bogus' }], { waitForAck: true })); break;
  case 'ping': {
    const result = await new Promise((resolve) => {
      const socket = new WebSocket(url, 'graphql-transport-ws');
      socket.on('open', () => socket.send(JSON.stringify({ type: 'ping' })));
      socket.on('message', (data) => { socket.close(1000); resolve(JSON.parse(data.toString())); });
    });
    print(result);
    break;
  }
  default: print({ error: 'unknown scenario ' + scenario });
}
