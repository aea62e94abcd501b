// A probe with prepost's pinned key (so the same extension id): the test
// calls hello() in this service worker and gets the host's reply, or the
// browser's error text.
self.hello = () =>
  new Promise((resolve) => {
    const port = chrome.runtime.connectNative('org.prepost.host');
    port.onMessage.addListener((msg) => {
      resolve({ ok: true, msg });
      port.disconnect();
    });
    port.onDisconnect.addListener(() =>
      resolve({ ok: false, error: chrome.runtime.lastError && chrome.runtime.lastError.message }));
    port.postMessage({ type: 'hello', protocol: 1 });
  });
