// The live-update WebSocket: reconnects with a growing delay and reports its status.
import { authed } from './api.js';

export function connectLive({ onMessage, onStatus }) {
  let delay = 500;
  let socket = null;
  let stopped = false;

  function open() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(authed(`${scheme}://${location.host}/ws`));
    onStatus('connecting');
    socket.addEventListener('open', () => {
      delay = 500;
      onStatus('connected');
    });
    socket.addEventListener('message', (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      if (message && typeof message.type === 'string') onMessage(message);
    });
    socket.addEventListener('close', () => {
      onStatus('disconnected');
      if (!stopped) {
        setTimeout(open, delay);
        delay = Math.min(delay * 2, 10000);
      }
    });
  }

  open();
  return {
    close() {
      stopped = true;
      socket?.close();
    },
  };
}
