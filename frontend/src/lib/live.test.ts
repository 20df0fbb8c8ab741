// Tests live updates: which views another app's change reloads, once for a burst, never while the user types.
import { concerns, typingIn, watchLive } from './live';
import type { WorkspaceChange } from './api';
import * as Runtime from './wailsjs/runtime/runtime';

vi.mock('./wailsjs/runtime/runtime');

let send: (c: WorkspaceChange) => void = () => {};
const off = vi.fn();

beforeEach(() => {
  vi.resetAllMocks();
  vi.mocked(Runtime.EventsOn).mockImplementation((_name, fn) => {
    send = fn as (c: WorkspaceChange) => void;
    return off;
  });
  document.body.innerHTML = '';
});

const moved = (role: number, candidate: number): WorkspaceChange => ({ what: 'application', role, candidate });
const nextTask = () => new Promise((r) => setTimeout(r, 0));

describe('concerns', () => {
  it.each([
    ['a move in the role', true, moved(3, 7)],
    ['a scorecard in the role', true, { what: 'scorecard', role: 3, candidate: 7 }],
    ['a move in another role', false, moved(4, 7)],
    ["a candidate's own fields (no role)", false, { what: 'candidate', role: 0, candidate: 7 }],
    ['a lost connection', true, { what: 'reconnected', role: 0, candidate: 0 }],
    ['a burst too big to list', true, { what: 'many', role: 0, candidate: 0 }],
  ] as [string, boolean, WorkspaceChange][])("role 3's board or debrief, %s: reloads %s", (_, want, c) => {
    expect(concerns(c, { role: 3 })).toBe(want);
  });

  it.each([
    ['their own fields', true, { what: 'candidate', role: 0, candidate: 7 }],
    ['their card moved', true, moved(3, 7)],
    ['a scorecard about them', true, { what: 'scorecard', role: 4, candidate: 7 }],
    ['another candidate', false, moved(3, 8)],
    ['a lost connection', true, { what: 'reconnected', role: 0, candidate: 0 }],
  ] as [string, boolean, WorkspaceChange][])("candidate 7's drawer, %s: reloads %s", (_, want, c) => {
    expect(concerns(c, { candidate: 7 })).toBe(want);
  });

  it('a view showing nothing yet (0) is concerned only by everything', () => {
    expect(concerns({ what: 'candidate', role: 0, candidate: 7 }, { role: 0 })).toBe(false);
    expect(concerns(moved(3, 0), { candidate: 0 })).toBe(false);
  });
});

describe('typingIn', () => {
  it('is a focused text field, text area or list inside root; not a checkbox or a button', () => {
    document.body.innerHTML = `<form><input id="name"><textarea></textarea><select><option>a</option></select>
      <input id="tick" type="checkbox"><button>Save</button></form><input id="outside">`;
    const form = document.querySelector('form')!;
    const at = (sel: string) => {
      document.querySelector<HTMLElement>(sel)!.focus();
      return typingIn(form);
    };
    expect(at('#name')).toBe(true);
    expect(at('textarea')).toBe(true);
    expect(at('select')).toBe(true);
    expect(at('#tick')).toBe(false);
    expect(at('button')).toBe(false);
    expect(at('#outside')).toBe(false);
  });
});

describe('watchLive', () => {
  it('listens once for every view and stops when the last one goes', () => {
    const a = watchLive({ shows: () => ({ role: 3 }), reload: () => {} });
    const b = watchLive({ shows: () => ({ candidate: 7 }), reload: () => {} });
    expect(Runtime.EventsOn).toHaveBeenCalledTimes(1);
    expect(Runtime.EventsOn).toHaveBeenCalledWith('workspace:changed', expect.any(Function));
    a();
    expect(off).not.toHaveBeenCalled();
    b();
    expect(off).toHaveBeenCalledTimes(1);
  });

  it('reloads the views the change concerns and no other', async () => {
    const board = vi.fn();
    const drawer = vi.fn();
    const stops = [
      watchLive({ shows: () => ({ role: 3 }), reload: board }),
      watchLive({ shows: () => ({ candidate: 8 }), reload: drawer }),
    ];
    send(moved(3, 7));
    await nextTask();
    expect(board).toHaveBeenCalledTimes(1);
    expect(drawer).not.toHaveBeenCalled();
    send({ what: 'reconnected', role: 0, candidate: 0 });
    await nextTask();
    expect(board).toHaveBeenCalledTimes(2);
    expect(drawer).toHaveBeenCalledTimes(1);
    stops.forEach((s) => s());
  });

  it('reads what the view shows when the change comes (the board switched roles)', async () => {
    let role = 3;
    const board = vi.fn();
    const stop = watchLive({ shows: () => ({ role }), reload: board });
    role = 4;
    send(moved(3, 7));
    await nextTask();
    expect(board).not.toHaveBeenCalled();
    send(moved(4, 7));
    await nextTask();
    expect(board).toHaveBeenCalledTimes(1);
    stop();
  });

  it('reloads once more after a burst that came during a reload, not once per change', async () => {
    let finish = () => {};
    const board = vi.fn(() => new Promise<void>((r) => (finish = r)));
    const stop = watchLive({ shows: () => ({ role: 3 }), reload: board });
    for (let i = 0; i < 5; i++) send(moved(3, 10 + i));
    expect(board).toHaveBeenCalledTimes(1);
    finish();
    await nextTask();
    expect(board).toHaveBeenCalledTimes(2);
    finish();
    await nextTask();
    expect(board).toHaveBeenCalledTimes(2);
    stop();
  });

  it('waits while the user types in the view, across its fields, and reloads once the focus leaves', async () => {
    document.body.innerHTML = `<aside><input id="name"><input id="email"></aside><button id="away">Close</button>`;
    const drawer = document.querySelector('aside')!;
    const reload = vi.fn();
    const stop = watchLive({ shows: () => ({ candidate: 7 }), reload, root: () => drawer });
    document.querySelector<HTMLElement>('#name')!.focus();

    send(moved(3, 7));
    send({ what: 'candidate', role: 0, candidate: 7 });
    expect(reload).not.toHaveBeenCalled();
    document.querySelector<HTMLElement>('#email')!.focus(); // Tab to the next field
    await nextTask();
    expect(reload).not.toHaveBeenCalled();

    document.querySelector<HTMLElement>('#away')!.focus();
    await nextTask();
    expect(reload).toHaveBeenCalledTimes(1);
    stop();
  });

  it('a view that went stops reloading, even one waiting for the focus to leave', async () => {
    document.body.innerHTML = `<div id="board"><input></div><button>Elsewhere</button>`;
    const root = document.querySelector<HTMLElement>('#board')!;
    const reload = vi.fn();
    const stop = watchLive({ shows: () => ({ role: 3 }), reload, root: () => root });
    root.querySelector('input')!.focus();
    send(moved(3, 7));
    stop();
    document.querySelector('button')!.focus();
    await nextTask();
    expect(reload).not.toHaveBeenCalled();
  });
});
