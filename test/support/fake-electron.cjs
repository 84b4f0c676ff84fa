/* eslint-disable @typescript-eslint/no-require-imports -- loaded by the CommonJS main bundle as `electron` */
'use strict';
// A stand-in for the `electron` module, for running the real main bundle (out/main/index.cjs) under plain
// Node where no Electron binary exists. It records what main asks of Electron, then drives one scenario
// through main's own handlers — app:// protocol, IPC, hardening, quit — and prints JSON lines for the test.
const { EventEmitter } = require('node:events');

const report = (type, data = {}) => process.stdout.write(`${JSON.stringify({ type, ...data })}\n`);
const paths = { userData: process.env.FAKE_ELECTRON_USER_DATA };
const ipcHandlers = new Map();
const contentsById = new Map();
const created = [];
let protocolHandler = null;
let resolveReady;
const ready = new Promise((resolve) => (resolveReady = resolve));
let nextId = 1;

const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  enableSandbox: () => report('sandbox'),
  requestSingleInstanceLock: () => true,
  setPath: (name, value) => (paths[name] = value),
  getPath: (name) => paths[name],
  getVersion: () => '0.1.0-smoke',
  whenReady: () => ready,
  setAppUserModelId: () => {},
  quit() {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    app.emit('will-quit', event);
    if (!event.defaultPrevented) {
      report('quit');
      setImmediate(() => process.exit(0));
    }
  },
  exit(code) {
    report('exit', { code });
    process.exit(code);
  },
});

class WebContents extends EventEmitter {
  constructor() {
    super();
    this.id = nextId++;
    this.sent = [];
    this.destroyed = false;
    this.url = '';
    contentsById.set(this.id, this);
    this.mainFrame = { url: '', parent: null, isDestroyed: () => this.destroyed };
    app.emit('web-contents-created', {}, this);
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  send(channel, payload) {
    this.sent.push([channel, payload]);
  }
  isDestroyed() {
    return this.destroyed;
  }
  reload() {}
  getURL() {
    return this.url;
  }
}

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents();
    created.push(this);
  }
  async loadURL(url) {
    this.webContents.url = url;
    this.webContents.mainFrame.url = url;
    setTimeout(
      () =>
        runScenario(this).catch((error) =>
          report('scenario-error', { message: String(error?.stack ?? error) }),
        ),
      0,
    );
  }
  maximize() {}
  show() {}
  isDestroyed() {
    return this.webContents.destroyed;
  }
  isMinimized() {
    return false;
  }
}

const defaultSession = Object.assign(new EventEmitter(), {
  webRequest: {
    onHeadersReceived: (fn) => (defaultSession.headersHook = fn),
    onBeforeRequest: (fn) => (defaultSession.requestHook = fn),
  },
  setPermissionRequestHandler: (fn) => (defaultSession.permissionHook = fn),
  setPermissionCheckHandler: (fn) => (defaultSession.permissionCheckHook = fn),
  setDevicePermissionHandler: () => {},
  setDisplayMediaRequestHandler: () => {},
  setSpellCheckerEnabled: (on) => report('spellcheck', { on }),
  protocol: { handle: (scheme, handler) => ((protocolHandler = handler), report('protocol', { scheme })) },
});

module.exports = {
  app,
  BrowserWindow,
  dialog: { showErrorBox: (title, message) => report('error-box', { title, message }) },
  ipcMain: {
    handle: (channel, handler) => ipcHandlers.set(channel, handler),
    removeHandler: (channel) => ipcHandlers.delete(channel),
  },
  Menu: { buildFromTemplate: (template) => template, setApplicationMenu: () => {} },
  protocol: { registerSchemesAsPrivileged: (schemes) => report('schemes', { schemes }) },
  screen: { getPrimaryDisplay: () => ({ workAreaSize: { width: 1366, height: 728 } }) },
  session: { defaultSession },
  webContents: { fromId: (id) => contentsById.get(id) },
};

setTimeout(() => resolveReady(), 0);

const FACILITY = { name: 'Smoke Test Health Centre', code: 'SMK-1', district: 'North', country: 'Guinea' };
const ADMIN = { username: 'amina', fullName: 'Amina Diallo', password: 'correct horse battery staple' };

async function runScenario(window) {
  const contents = window.webContents;
  const invoke = (channel, input, frame = contents.mainFrame) =>
    ipcHandlers.get(`caredesk:${channel}`)({ sender: contents, senderFrame: frame }, input);

  report('window', {
    webPreferences: window.options.webPreferences,
    url: contents.url,
    channels: [...ipcHandlers.keys()],
  });

  const page = await protocolHandler(new Request('app://caredesk/index.html'));
  const escape = await protocolHandler(new Request('app://caredesk/%2e%2e%2f%2e%2e%2fpackage.json'));
  report('protocol-response', {
    status: page.status,
    csp: page.headers.get('content-security-policy'),
    contentType: page.headers.get('content-type'),
    body: await page.text(),
    escapeStatus: escape.status,
  });

  const navigation = { prevented: false, preventDefault: () => (navigation.prevented = true) };
  contents.emit('will-navigate', navigation, 'https://example.org/');
  const blocked = await new Promise((resolve) =>
    defaultSession.requestHook({ url: 'https://example.org/x.js' }, resolve),
  );
  const permitted = await new Promise((resolve) =>
    defaultSession.permissionHook(contents, 'geolocation', resolve, { requestingUrl: contents.url }),
  );
  report('hardening', {
    navigationPrevented: navigation.prevented,
    windowOpen: contents.windowOpenHandler({ url: 'https://example.org/' }),
    remoteRequest: blocked,
    geolocation: permitted,
  });

  const setup = await invoke('setup.initialize', { facility: FACILITY, admin: ADMIN });
  const summary = await invoke('home.summary', {});
  const foreign = await invoke(
    'home.summary',
    {},
    { url: 'https://evil.example/', parent: null, isDestroyed: () => false },
  );
  const unknown = await ipcHandlers.get('caredesk:app.status')(
    { sender: new WebContents(), senderFrame: contents.mainFrame },
    {},
  );
  await invoke('auth.logout', {});
  report('ipc', { setup, summary, foreign, unknown, sent: contents.sent });

  // Close the window the way Electron does, then quit: main must end the session and close the core.
  contents.destroyed = true;
  contents.emit('destroyed');
  window.emit('closed');
  app.emit('window-all-closed');
}
