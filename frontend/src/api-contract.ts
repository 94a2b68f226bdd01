// types.ts checked against the OpenAPI document the server's controllers generate (docs/openapi.yml,
// turned into src/generated/openapi.ts by `npm run api-types`, which build and test run first).
// Nothing here runs: `tsc --noEmit` fails when an answer the app reads has drifted from the server's.
import type { components } from './generated/openapi';
import type * as App from './types';

type Schemas = components['schemas'];

/** The server leaves null and empty fields out of its JSON (Jackson NON_EMPTY), so a nullable field arrives absent, never null. */
type Wire<T> = T extends (infer E)[] ? Wire<E>[] : T extends object ? { [K in keyof T]: Wire<Exclude<T[K], null>> } : T;

/** Every field the app names is one the server has, and what the server sends fits the app's type. */
type Reads<Server, Client> = [Exclude<keyof Client, keyof Server>] extends [never]
  ? [Wire<Server>] extends [Client] ? true : { typeMismatch: [Wire<Server>, Client] }
  : { fieldsTheServerDoesNotHave: Exclude<keyof Client, keyof Server> };

type Holds<T extends true> = T;

/** OpenAPI 3.0 cannot say that a mark is exactly three numbers: the server's marks are arrays of numbers. */
type MarksAsArrays<T> = Omit<T, 'words' | 'sentences'> & { words: number[][]; sentences: number[][] };

export type ApiContract = [
  Holds<Reads<Schemas['Voice'], App.Voice>>,
  Holds<Reads<Schemas['Role'], App.Role>>,
  Holds<Reads<Schemas['Segment'], App.Segment>>,
  Holds<Reads<Schemas['Chapter'], App.Chapter>>,
  Holds<Reads<Schemas['Book'], App.Book>>,
  Holds<Reads<Schemas['Casting.Assignment'], App.CastEntry>>,
  Holds<Reads<Schemas['BookView'], App.BookResponse>>,
  Holds<Reads<Schemas['BookView.Stats'], NonNullable<App.BookResponse['stats']>>>,
  Holds<Reads<Schemas['Pricing.Estimate'], NonNullable<App.BookResponse['cost']>>>,
  Holds<Reads<Schemas['BookController.ParsingView'], App.ParsingBook>>,
  Holds<Reads<Schemas['UploadTicket'], App.UploadResponse>>,
  Holds<Reads<Schemas['PartFailure'], App.JobFailure>>,
  Holds<Reads<Schemas['JobView'], App.JobView>>,
  Holds<Reads<Schemas['JobView.Parts'], App.JobView['parts']>>,
  Holds<Reads<Schemas['JobState'], App.JobState>>,
  Holds<Reads<Schemas['SegmentsView'], Omit<App.SegmentsResponse, 'segments'> & { segments: MarksAsArrays<App.PlayerSegment>[] }>>,
  Holds<Reads<Schemas['SegmentsView.ChapterOutline'], App.ChapterOutline>>,
  Holds<Reads<Schemas['SegmentsView.PlayerSegment'], MarksAsArrays<App.PlayerSegment>>>,
  Holds<[App.Mark] extends [number[]] ? true : false>,
  Holds<Reads<Schemas['VoiceList'], { voices: App.Voice[]; count: number }>>,
];
