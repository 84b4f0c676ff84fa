import { Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * A small menu (hidden until Alt on Windows/Linux): editing and zoom — for tired eyes and small screens —
 * and, in development only, reload and DevTools. No accidental reload in the packaged app.
 */
export function installMenu(devTools: boolean): void {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (devTools) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as const] : [{ role: 'fileMenu' } as const]),
    { role: 'editMenu' },
    { label: 'View', submenu: view },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
