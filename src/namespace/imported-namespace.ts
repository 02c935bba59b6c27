import { Construct } from "constructs";
import { NamespaceType } from "../core/aws-limits";
import { assertSameCdktfRuntime } from "../core/cdktf-runtime";
import { Shape } from "../core/shape";
import { checkProps } from "../rules/prop-types";
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

/** How an import is checked: its arguments' types, then the rules, their facts and how the fields are spelled. */
export interface ImportChecks<F> {
  /** The arguments as the caller gave them, and their documented types (rule SD000). */
  readonly props: { readonly shape: Shape; readonly value: unknown };
  readonly rules: readonly Rule<F>[];
  /** Built after the arguments' types are checked, so it may read them. */
  readonly facts: () => F;
  readonly names: FieldNames;
}

/** What an imported namespace is, worked out from arguments whose types were checked. */
export interface ImportedAttributes {
  readonly namespaceId: string;
  readonly namespaceName: string;
  readonly namespaceArn?: string | undefined;
  readonly namespaceType?: NamespaceType | undefined;
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
    attributes: () => ImportedAttributes,
    checks: ImportChecks<F>,
  ) {
    super(scope, id);
    assertSameCdktfRuntime(this);
    checkProps(this, checks.props.shape, checks.props.value);
    enforce(reporterFor(this, checks.names), checks.rules, checks.facts());
    const attrs = attributes();
    this.namespaceId = attrs.namespaceId;
    this.namespaceName = attrs.namespaceName;
    this.namespaceArn = attrs.namespaceArn;
    this.namespaceType = attrs.namespaceType;
  }
}
