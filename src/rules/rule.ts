import { Cond } from "../core/expr";
import { Field } from "./fields";

/** Spells fields and values inside a message, for TypeScript users or for the HCL module. */
export interface Describe {
  /** The field as the user wrote it (`discovery.dnsRecordType`, or `dns_record_type`). */
  name(field: Field): string;
  /** A value as JSON text (`"bridge"`, `301`, `null`); a Terraform expression when unresolved. */
  value(value: unknown): string;
  /**
   * The inputs the user wrote for a field: the field itself, or the fields it stands for where
   * one prop is several inputs (the module's three network variables for `network`).
   * @default - the field itself
   */
  inputs?(field: Field): readonly Field[];
}

/** What a rule says when it is broken: three parts, always all three. */
export interface RuleMessage {
  /** What is wrong, naming the property and the value. */
  readonly problem: string;
  /** What is allowed instead. */
  readonly allowed: string;
  /** How to fix the input. */
  readonly fix: string;
}

export type Severity = "error" | "warning";

/**
 * One entry of the catalogue. `holds` is written with the helpers of `core/expr`, so it returns
 * a boolean for known inputs and a Terraform condition for unresolved ones.
 */
export interface Rule<Facts> {
  /** Stable id, printed in every message and used by tests and docs (`SD002`). */
  readonly id: string;
  /** One line for the rules table in README. */
  readonly title: string;
  readonly severity: Severity;
  /** The offending property the message is about. */
  readonly subject: Field;
  /** `true` when the input is fine. */
  holds(facts: Facts): Cond;
  message(d: Describe, facts: Facts): RuleMessage;
}

/** The one format every message has, in TypeScript errors and Terraform conditions alike. */
export function formatMessage(id: string, m: RuleMessage): string {
  return `[${id}] ${m.problem}. Allowed: ${m.allowed}. Fix: ${m.fix}.`;
}
