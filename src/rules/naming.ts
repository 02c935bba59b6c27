import { IConstruct } from "constructs";
import { FieldNames } from "./fields";

/** Who reports a construct's rule violations, and how the fields are spelled there. */
export interface RuleReporter {
  readonly scope: IConstruct;
  readonly names: FieldNames;
  /**
   * How the fields are spelled in the exported module, when not as `MODULE_VARIABLES` says
   * (fields of a list entry, whose names carry the entry's index).
   */
  readonly moduleNames?: FieldNames | undefined;
}

const delegations = new WeakMap<IConstruct, RuleReporter>();

/**
 * A higher-level construct that creates children from its own props (DiscoverableEcsService
 * creating a DiscoveryService) asks that the children's violations be reported under its own
 * path and prop names, so the user reads `discovery.dnsTtl` on the construct they wrote.
 */
export function reportChildViolationsAs(parent: IConstruct, names: FieldNames): void {
  delegations.set(parent, { scope: parent, names });
}

export function reporterFor(self: IConstruct, ownNames: FieldNames): RuleReporter {
  const parent = self.node.scope;
  return (parent && delegations.get(parent)) ?? { scope: self, names: ownNames };
}
