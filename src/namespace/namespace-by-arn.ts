import { Fn } from "cdktf";
import { Construct } from "constructs";
import { isKnown } from "../core/expr";
import { NAMESPACE_ARN_RULES } from "../rules/catalogue";
import { NAMESPACE_ARN_PROPS } from "../rules/fields";
import { NAMESPACE_ARN_ARGUMENTS } from "../rules/prop-types";
import { ImportedNamespace } from "./imported-namespace";
import { INamespace, markArnOnly } from "./namespace";

/**
 * Imports of a Cloud Map namespace of any type. (Namespaces of a known type are imported with
 * `PrivateDnsNamespace.fromNamespaceAttributes` and `HttpNamespace.fromNamespaceAttributes`.)
 */
export abstract class Namespace {
  /**
   * A namespace known only by its ARN, e.g. one shared with this account through AWS RAM (which
   * ECS Service Connect joins by ARN). Its id is the ARN's last segment; its name and type are
   * unknown here, so it serves Service Connect, and DNS discovery refuses it (SD034): DNS needs
   * a private DNS namespace of a known name.
   * @param namespaceArn `arn:<partition>:servicediscovery:<region>:<account>:namespace/ns-...`
   */
  public static fromNamespaceArn(scope: Construct, id: string, namespaceArn: string): INamespace {
    return markArnOnly(
      new ImportedNamespace(
        scope,
        id,
        () => ({ namespaceId: namespaceIdOf(namespaceArn), namespaceName: namespaceArn, namespaceArn }),
        {
          props: { shape: NAMESPACE_ARN_ARGUMENTS, value: { namespaceArn } },
          rules: NAMESPACE_ARN_RULES,
          facts: () => ({ namespaceArn }),
          names: NAMESPACE_ARN_PROPS,
        },
      ),
    );
  }

  private constructor() {}
}

/** `ns-...` from a namespace ARN: known ARNs are split now, tokens by Terraform. */
function namespaceIdOf(arn: string): string {
  if (isKnown(arn)) return arn.slice(arn.lastIndexOf("/") + 1);
  return Fn.element(Fn.split("/", arn), 1);
}
