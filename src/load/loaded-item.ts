// What a loader yields for each record of an input file: a raw row to validate, or a record it could not read.
import type { RawRow, Rejection } from '../shared/types.js';

export type LoadedItem = { kind: 'row'; row: RawRow } | { kind: 'rejected'; rejection: Rejection };
