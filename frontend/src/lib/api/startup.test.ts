// Tests the startup marker build/scripts/startup.sh waits for: printed once, only after the first screen had two frames to paint.
import { api } from './index';
import * as Runtime from '../wailsjs/runtime/runtime';

vi.mock('../wailsjs/runtime/runtime');

it('prints "hirebench: interactive" once, two animation frames after the first screen renders', () => {
  const frames: FrameRequestCallback[] = [];
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
  api.markInteractive();
  api.markInteractive(); // a later call (the shell reloading) prints nothing more
  expect(Runtime.LogPrint).not.toHaveBeenCalled();
  frames.shift()!(0);
  expect(Runtime.LogPrint).not.toHaveBeenCalled();
  frames.shift()!(16);
  expect(Runtime.LogPrint).toHaveBeenCalledExactlyOnceWith('hirebench: interactive');
  expect(frames).toHaveLength(0);
  vi.unstubAllGlobals();
});
