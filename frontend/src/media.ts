import { artwork } from './cover';
import type { Player } from './player';
import type { SegmentsResponse } from './types';

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

/** The lock screen shows the chapter as the track, the book as the album, and its cover once fetched. */
export function mediaChapter(book: SegmentsResponse, chapterTitle: string): void {
  if (!('mediaSession' in navigator)) return;
  const meta = new MediaMetadata({ title: chapterTitle || book.title, artist: book.author || '', album: book.title });
  navigator.mediaSession.metadata = meta;
  void artwork(book.coverUrl).then((a) => {
    meta.artwork = a;
  });
}

/** Where playback is, for the lock screen's progress bar (in seconds). */
export function mediaPosition(posSec: number, durationSec: number, rate: number): void {
  if (!('mediaSession' in navigator) || !navigator.mediaSession.setPositionState) return;
  try {
    navigator.mediaSession.setPositionState({ duration: durationSec, position: Math.min(posSec, durationSec), playbackRate: rate });
  } catch {
    /* a position past the duration by rounding */
  }
}
