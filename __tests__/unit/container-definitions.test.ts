/**
 * The task definition a TaskDefinitionSpec becomes: container definitions in AWS's own camelCase
 * JSON, with the values AWS would fill in written out (so the stored definition equals ours and
 * plans stay clean), in a stable order; and the task-level size defaults.
 */
import { TerraformOutput, TerraformStack, TerraformVariable } from "cdktf";
import { ContainerSpec, DiscoverableEcsService, TaskDefinition } from "../../src";
import { renderContainerDefinitions } from "../../src/ecs/container-definitions";
import { HEALTH_CHECK, awsvpcProps, bridgeProps, onlyResource, synthJson, testNamespace, testStack } from "../support/constructs";

const FULL: ContainerSpec = {
  name: "web",
  image: "public.ecr.aws/nginx/nginx:stable-alpine",
  cpu: 128,
  memory: 256,
  command: ["nginx", "-g", "daemon off;"],
  portMappings: [{ containerPort: 80 }, { containerPort: 8125, protocol: "udp" }],
  healthCheck: { command: ["CMD-SHELL", "wget -q -O /dev/null http://localhost/ || exit 1"], startPeriod: 10 },
  environment: { ZETA: "z", ALPHA: "a" },
  logGroupName: "/ecs/web",
  logRegion: "eu-west-1",
};

describe("renderContainerDefinitions", () => {
  it("writes AWS's camelCase keys in a fixed order with AWS's defaults filled in", () => {
    expect(renderContainerDefinitions([FULL], "awsvpc")).toBe(
      JSON.stringify([
        {
          name: "web",
          image: "public.ecr.aws/nginx/nginx:stable-alpine",
          essential: true,
          cpu: 128,
          memory: 256,
          command: ["nginx", "-g", "daemon off;"],
          portMappings: [
            { containerPort: 80, hostPort: 80, protocol: "tcp" },
            { containerPort: 8125, hostPort: 8125, protocol: "udp" },
          ],
          environment: [
            { name: "ALPHA", value: "a" },
            { name: "ZETA", value: "z" },
          ],
          healthCheck: {
            command: ["CMD-SHELL", "wget -q -O /dev/null http://localhost/ || exit 1"],
            interval: 30,
            timeout: 5,
            retries: 3,
            startPeriod: 10,
          },
          logConfiguration: {
            logDriver: "awslogs",
            options: { "awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "web" },
          },
        },
      ]),
    );
  });

  it("never writes snake_case keys", () => {
    const text = renderContainerDefinitions([FULL], "bridge");
    expect(text).not.toMatch(/"[a-z]+_[a-z_]+":/);
    expect(text).toContain('"portMappings"');
    expect(text).toContain('"healthCheck"');
  });

  it("is stable: the same spec renders byte-for-byte the same, whatever the environment's key order", () => {
    const reordered: ContainerSpec = { ...FULL, environment: { ALPHA: "a", ZETA: "z" } };
    expect(renderContainerDefinitions([reordered], "awsvpc")).toBe(renderContainerDefinitions([FULL], "awsvpc"));
    expect(renderContainerDefinitions([FULL], "awsvpc")).toBe(renderContainerDefinitions([FULL], "awsvpc"));
  });

  it("keeps the containers' order", () => {
    const names = JSON.parse(renderContainerDefinitions([{ name: "b", image: "x" }, { name: "a", image: "y" }], "awsvpc")).map((c: any) => c.name);
    expect(names).toEqual(["b", "a"]);
  });

  it("host ports: dynamic (0) in bridge mode unless given, the container port in awsvpc and host mode", () => {
    const spec: ContainerSpec = { name: "web", image: "x", portMappings: [{ containerPort: 80 }, { containerPort: 81, hostPort: 8081 }] };
    const ports = (mode: "awsvpc" | "bridge" | "host") => JSON.parse(renderContainerDefinitions([spec], mode))[0].portMappings;
    expect(ports("bridge")).toEqual([
      { containerPort: 80, hostPort: 0, protocol: "tcp" },
      { containerPort: 81, hostPort: 8081, protocol: "tcp" },
    ]);
    expect(ports("awsvpc")[0]).toEqual({ containerPort: 80, hostPort: 80, protocol: "tcp" });
    expect(ports("host")[0]).toEqual({ containerPort: 80, hostPort: 80, protocol: "tcp" });
  });

  it("leaves out what was not given, except essential (true) and an empty portMappings list", () => {
    expect(JSON.parse(renderContainerDefinitions([{ name: "worker", image: "busybox", essential: false }], "awsvpc"))).toEqual([
      { name: "worker", image: "busybox", essential: false, portMappings: [] },
    ]);
  });

  it("lets Terraform encode the document when a value is known only at apply", () => {
    const stack = testStack();
    const image = new TerraformVariable(stack, "image", { type: "string" });
    const text = renderContainerDefinitions([{ name: "web", image: image.stringValue }], "awsvpc");
    new TerraformOutput(stack, "definitions", { value: text });
    expect(synthJson(stack).output.definitions.value).toMatch(/^\$\{jsonencode\(\[\{.*"image" = var\.image.*\}\]\)\}$/);
  });
});

describe("TaskDefinition resource", () => {
  function taskDefinitionOf(build: (stack: TerraformStack) => void) {
    const stack = testStack();
    build(stack);
    return onlyResource(synthJson(stack), "aws_ecs_task_definition");
  }

  it("Fargate defaults to the smallest size: cpu 256, memory 512 (as strings, as the provider wants)", () => {
    const td = taskDefinitionOf((stack) => new DiscoverableEcsService(stack, "svc", awsvpcProps(testNamespace(stack))));
    expect(td).toMatchObject({ cpu: "256", memory: "512", network_mode: "awsvpc", requires_compatibilities: ["FARGATE"] });
  });

  it("Fargate keeps a given size", () => {
    const td = taskDefinitionOf((stack) => new DiscoverableEcsService(stack, "svc", awsvpcProps(testNamespace(stack), { taskDefinition: { cpu: 1024, memory: 2048 } })));
    expect(td).toMatchObject({ cpu: "1024", memory: "2048" });
  });

  it("EC2 sets no task size unless given (containers carry memory)", () => {
    const td = taskDefinitionOf((stack) => new DiscoverableEcsService(stack, "svc", bridgeProps(testNamespace(stack))));
    expect(td).not.toHaveProperty("cpu");
    expect(td).not.toHaveProperty("memory");
    expect(td).toMatchObject({ family: "orders", network_mode: "bridge", requires_compatibilities: ["EC2"] });
  });

  it("renders roles and the container definitions", () => {
    const td = taskDefinitionOf(
      (stack) =>
        new TaskDefinition(stack, "td", {
          launchType: "FARGATE",
          spec: {
            family: "web",
            networkMode: "awsvpc",
            executionRoleArn: "arn:aws:iam::1:role/exec",
            taskRoleArn: "arn:aws:iam::1:role/task",
            containers: [{ name: "web", image: "nginx", healthCheck: HEALTH_CHECK }],
          },
        }),
    );
    expect(td).toMatchObject({ execution_role_arn: "arn:aws:iam::1:role/exec", task_role_arn: "arn:aws:iam::1:role/task" });
    expect(JSON.parse(td.container_definitions)[0].healthCheck.command).toEqual(HEALTH_CHECK.command);
  });
});
