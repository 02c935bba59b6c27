import { Construct } from "constructs";
import { NamespaceType } from "../core/aws-limits";
import { Rule } from "../rules/rule";
import { enforce } from "../rules/enforce";
import { FieldNames } from "../rules/fields";
import { reporterFor } from "../rules/naming";
import { INamespace } from "./namespace";

/** Attributes of a namespace that exists already. */
export interface NamespaceAttributes {
  /** Cloud Map namespace id (`ns-...`). */
  readonly namespaceId: string;
  /** Name of the namespace (the DNS suffix of a private DNS namespace). */
  readonly namespaceName: string;
  /** @default - unknown */
  readonly namespaceArn?: string;
}

/** How an import is checked: the rules, their facts and how the fields are spelled. */
export interface ImportChecks<F> {
  readonly rules: readonly Rule<F>[];
  readonly facts: F;
  readonly names: FieldNames;
}

/**
 * A namespace created elsewhere: a construct (for paths and messages), no Terraform resource.
 * Unresolved attributes (e.g. from remote state) have no resource here to carry a
 * precondition, so only known values are checked.
 */
export class ImportedNamespace<F> extends Construct implements INamespace {
  public readonly namespaceId: string;
  public readonly namespaceName: string;
  public readonly namespaceArn: string | undefined;
  public readonly namespaceType: NamespaceType | undefined;

  constructor(
    scope: Construct,
    id: string,
    attrs: { namespaceId: string; namespaceName: string; namespaceArn?: string | undefined; namespaceType?: NamespaceType | undefined },
    checks: ImportChecks<F>,
  ) {
    super(scope, id);
    enforce(reporterFor(this, checks.names), checks.rules, checks.facts);
    this.namespaceId = attrs.namespaceId;
    this.namespaceName = attrs.namespaceName;
    this.namespaceArn = attrs.namespaceArn;
    this.namespaceType = attrs.namespaceType;
  }
}
