import type { Player } from './player';

/** Lock-screen and headset controls (navigator.mediaSession): play, pause, seek, chapters as tracks. */
export function bindMediaSession(player: Player): void {
  if (!('mediaSession' in navigator)) return;
  const ms = navigator.mediaSession;
  const set = (action: MediaSessionAction, f: MediaSessionActionHandler) => {
    try {
      ms.setActionHandler(action, f);
    } catch {
      /* this browser does not know the action */
    }
  };
  set('play', () => player.toggle());
  set('pause', () => player.pause());
  set('stop', () => player.pause());
  set('seekbackward', (d) => player.skip(-(d.seekOffset || player.extras.skipBack)));
  set('seekforward', (d) => player.skip(d.seekOffset || player.extras.skipForward));
  set('seekto', (d) => d.seekTime !== undefined && player.seekMs(d.seekTime * 1000));
  set('previoustrack', () => player.chapter(-1));
  set('nexttrack', () => player.chapter(1));
}
