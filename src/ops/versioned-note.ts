/**
 * Plan guard notes that hold for some hashicorp/aws versions only. A note is either plain text
 * (true for every version) or one text per version range; the guard prints the texts whose range
 * fits the provider version the plan shows, each labelled with its versions.
 */
import { ProviderVersionEvidence, VersionRange, describeRange, overlaps } from "./provider-version";

export interface VersionedText {
  readonly versions: VersionRange;
  readonly text: string;
}

export type Note = string | readonly VersionedText[];

/** The note's text for the plan's provider versions (every variant that may apply, labelled). */
export function noteText(note: Note, provider: ProviderVersionEvidence): string {
  if (typeof note === "string") return note;
  const fitting = note.filter((v) => overlaps(v.versions, provider.range));
  const shown = fitting.length > 0 ? fitting : note;
  return shown.map((v) => `hashicorp/aws ${describeRange(v.versions)}: ${v.text}`).join("; ");
}
