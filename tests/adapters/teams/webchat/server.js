// A local Direct Line for Web Chat (npm offline-directline) plus the page that hosts Web Chat.
// Usage: node server.js PORT BOT_URL   (prints "ready" once listening on 127.0.0.1:PORT)
'use strict';
const path = require('path');
const express = require('express');
const { getRouter } = require('offline-directline');

const [port, botUrl] = process.argv.slice(2);
if (!port || !botUrl) {
  console.error('usage: node server.js PORT BOT_URL');
  process.exit(2);
}
const serviceUrl = `http://127.0.0.1:${port}`;
const app = express();

// offline-directline accepts POST /v3/conversations but never answers it; Teams answers 403
// when it can't open a 1:1 chat with a user, so the bot treats them as unreachable here too.
app.post('/v3/conversations', (req, res) => {
  res.status(403).json({ error: { code: 'Forbidden', message: 'the emulator opens no new chats' } });
});
app.use(getRouter(serviceUrl, botUrl));
app.get('/', (req, res) => res.sendFile(path.join(__dirname, 'index.html')));
// The UMD bundle; the package's "exports" map hides dist/ from require.resolve.
app.get('/webchat.js', (req, res) =>
  res.sendFile(path.join(__dirname, 'node_modules', 'botframework-webchat', 'dist', 'webchat.js')));

app.listen(Number(port), '127.0.0.1', () => console.log('ready'));
