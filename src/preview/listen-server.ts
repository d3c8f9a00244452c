import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PreviewStartError } from './preview-start-error.js';

const choosePort = 'choose another port with --port <number> (0 picks a free one).';

/** Start `server` listening; a port that is taken or not allowed rejects with a PreviewStartError (#9). */
export function listenServer(server: Server, port: number, host: string): Promise<AddressInfo> {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return Promise.reject(new PreviewStartError(`Port ${port} is not a port number`, 'listen-failed', `Use a whole number from 0 to 65535: ${choosePort}`));
  }
  return new Promise((resolve, reject) => {
    const fail = (cause: NodeJS.ErrnoException) => {
      server.off('listening', done);
      reject(
        cause.code === 'EADDRINUSE'
          ? new PreviewStartError(`Port ${port} is already in use`, 'port-in-use', `Stop the other preview or ${choosePort}`, { cause })
          : new PreviewStartError(
              `Cannot serve the preview on ${host} port ${port}: ${cause.message}`,
              'listen-failed',
              cause.code === 'EACCES'
                ? `Ports below 1024 need administrator rights: ${choosePort}`
                : `Check that ${host} is an address of this machine, or ${choosePort}`,
              { cause },
            ),
      );
    };
    const done = () => {
      server.off('error', fail);
      resolve(server.address() as AddressInfo);
    };
    server.once('error', fail).once('listening', done).listen(port, host);
  });
}
