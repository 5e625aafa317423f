import { browser, type Browser } from 'wxt/browser';
import { t } from '../i18n';
import { NATIVE_HOST_NAME, type NativeAnswer, type NativeRequest } from '../core/native-protocol';
import { CompanionError } from './companion-error';
import type { CompanionTransport } from './companion-transport';

type Pending = { resolve: (answer: NativeAnswer) => void; reject: (error: Error) => void };

let port: Browser.runtime.Port | null = null;
const pending = new Map<string, Pending>();

function disconnected(which: Browser.runtime.Port): void {
  if (port !== which) return;
  port = null;
  // Firefox tells why on the port, Chrome through lastError.
  const why = (which as { error?: Error }).error?.message ?? browser.runtime.lastError?.message ?? 'it exited';
  for (const { reject } of pending.values()) {
    reject(new CompanionError('offline', t('workerNativeHostGone', why)));
  }
  pending.clear();
}

/**
 * The one port to `refclip host`, opened on first use and kept while the worker lives (the host keeps its index
 * warm meanwhile). When the host exits the port closes; the next request starts it again.
 */
function openPort(): Browser.runtime.Port {
  if (port) return port;
  const opened = browser.runtime.connectNative(NATIVE_HOST_NAME);
  opened.onMessage.addListener((message: NativeAnswer) => {
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    waiting?.resolve(message);
  });
  opened.onDisconnect.addListener(() => disconnected(opened));
  port = opened;
  return opened;
}

/** The companion started by the browser itself (native messaging); needs the optional `nativeMessaging` permission. */
export const nativeTransport: CompanionTransport = {
  delivery: 'native',
  where: NATIVE_HOST_NAME,
  send(request) {
    const message: NativeRequest = {
      id: crypto.randomUUID(),
      method: request.method,
      path: request.path,
      ...(request.body === undefined ? {} : { body: request.body as Record<string, unknown> }),
    };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(message.id);
        reject(new CompanionError('offline', t('workerCompanionOffline', NATIVE_HOST_NAME)));
      }, request.timeoutMs);
      pending.set(message.id, {
        resolve: (answer) => {
          clearTimeout(timer);
          resolve(answer);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      try {
        openPort().postMessage(message);
      } catch (error) {
        pending.delete(message.id);
        clearTimeout(timer);
        reject(new CompanionError('offline', t('workerNativeHostGone', String(error))));
      }
    });
  },
};
