/**
 * The `serviceConnect` prop of DiscoverableEcsService: ECS Service Connect options, with their
 * defaults (sources: docs/service-connect.md). How they are checked and rendered is in
 * service-connect.ts.
 */
import { INamespace } from "../namespace/namespace";

/** A name and port that Service Connect clients call to reach an endpoint. */
export interface ServiceConnectClientAlias {
  /** Port clients call (on their own proxy); keep the one they already use. */
  readonly port: number;
  /**
   * Host name clients call, e.g. `orders` or the DNS discovery name clients already use
   * (`orders.internal`), so moving them to Service Connect needs no code change.
   * @default - chosen by ECS from the discovery name
   */
  readonly dnsName?: string;
}

/** Service Connect TLS: certificates from AWS Private CA, issued and rotated by ECS. */
export interface ServiceConnectTls {
  /** ARN of the AWS Private CA certificate authority (tag it `AmazonECSManaged: true`). */
  readonly awsPcaAuthorityArn: string;
  /**
   * ARN of the ECS infrastructure role ECS uses to issue the certificates (managed policy
   * AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity).
   */
  readonly roleArn: string;
  /** KMS key (ARN or id) that encrypts the certificates' private keys. @default - an AWS owned key */
  readonly kmsKey?: string;
}

/** One endpoint a service publishes: a named port of its task definition. */
export interface ServiceConnectService {
  /** Name of a port mapping of the task definition (`portMappings[].name`). */
  readonly portName: string;
  /**
   * Name of the Cloud Map service ECS creates for the endpoint; unique in the namespace, DNS
   * discovery names included (SD049).
   * @default - the port name
   */
  readonly discoveryName?: string;
  /**
   * The one name and port clients call (ECS takes exactly one).
   * @default - one alias on the container port of the named port mapping (task definitions
   * created here; an existing task definition needs it given)
   */
  readonly clientAliases?: ServiceConnectClientAlias[];
  /**
   * Port the proxy listens on for this endpoint (1025-65535); allow it in the tasks' security group.
   * @default - the container port (awsvpc), an ephemeral port (bridge)
   */
  readonly ingressPortOverride?: number;
  /**
   * Seconds a connection may stay idle; 0 turns it off. Timeouts need an http, http2 or grpc port
   * (SD057).
   * @default - ECS's: 300 for http/http2/grpc (written out when only the per-request timeout is
   * given, because hashicorp/aws would send 0, which turns the idle timeout off), 3600 for TCP
   */
  readonly idleTimeoutSeconds?: number;
  /**
   * Seconds to wait for a whole response; 0 turns it off. http, http2 and grpc ports only (SD057).
   * @default - ECS's 15 (written out when only the idle timeout is given, for the same reason)
   */
  readonly perRequestTimeoutSeconds?: number;
  /** @default - no TLS between proxies */
  readonly tls?: ServiceConnectTls;
}

/** Log configuration of the Service Connect proxy container. */
export interface ServiceConnectLogConfiguration {
  /** e.g. `awslogs`. */
  readonly logDriver: string;
  /** Driver options, e.g. `awslogs-group`, `awslogs-region`, `awslogs-stream-prefix`. @default - none */
  readonly options?: Record<string, string>;
  /** Secrets for driver options. @default - none */
  readonly secretOptions?: { readonly name: string; readonly valueFrom: string }[];
}

/** Service Connect of a DiscoverableEcsService. */
export interface ServiceConnectOptions {
  /**
   * Namespace the service joins (any type; an HTTP namespace is what the ECS console creates).
   * @default - the `discovery` namespace
   */
  readonly namespace?: INamespace;
  /**
   * Endpoints this service publishes. Empty makes a client-only service: its tasks reach the
   * namespace's endpoints but publish none.
   * @default []
   */
  readonly services?: ServiceConnectService[];
  /** @default - no log configuration for the proxy */
  readonly logConfiguration?: ServiceConnectLogConfiguration;
  /**
   * `false` turns Service Connect off explicitly (the block is kept with `enabled = false`).
   * Removing `serviceConnect` from a deployed service also makes hashicorp/aws send
   * `enabled = false` (see docs/service-connect.md).
   * @default true
   */
  readonly enabled?: boolean;
}

/** An endpoint as clients see it. */
export interface ServiceConnectEndpoint {
  readonly portName: string;
  /** Name of the Cloud Map service ECS creates for it. */
  readonly discoveryName: string;
  /** The host name clients call. @default - chosen by ECS (undefined here) */
  readonly dnsName: string | undefined;
  /** The port clients call. @default - undefined when not known here (existing task definition) */
  readonly port: number | undefined;
}
