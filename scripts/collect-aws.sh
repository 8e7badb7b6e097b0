#!/usr/bin/env bash
# Saves the AWS CLI output that `reachable analyze --topology <dir>` imports (docs/collect.md).
# Read-only: every call is a describe-/get-/search- call. Needs the AWS CLI v2 and credentials
# allowed to call ec2:Describe*, ec2:Get*, ec2:SearchTransitGatewayRoutes, directconnect:Describe*
# and elasticloadbalancing:Describe*.
#
#   scripts/collect-aws.sh --out snapshot --regions us-east-1,eu-west-1 [--profile prod] [--profile shared]
#
# One profile: snapshot/<region>/<command>.json. Several profiles (accounts): snapshot/<account>-<region>/.
# Per-argument commands are saved one file per argument: <command>.<argument>.json.
set -euo pipefail

out=""
regions=""
profiles=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --regions) regions="$2"; shift 2 ;;
    --profile) profiles+=("$2"); shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "collect-aws.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ -z "$out" ] || [ -z "$regions" ]; then
  echo "collect-aws.sh: --out <dir> and --regions <r1,r2,...> are required" >&2
  exit 2
fi
[ ${#profiles[@]} -eq 0 ] && profiles=("")

# aws <service> <command> [args...] > file, with the profile and region of this pass; JSON output,
# all pages merged by the CLI (its default pagination).
call() {
  local file="$1"; shift
  local service="$1" command="$2"; shift 2
  local extra=()
  [ -n "$profile" ] && extra+=(--profile "$profile")
  if ! aws "$service" "$command" "$@" --region "$region" --output json ${extra[@]+"${extra[@]}"} > "$file.tmp"; then
    echo "collect-aws.sh: aws $service $command failed in $region; skipped" >&2
    rm -f "$file.tmp"
    return 0
  fi
  mv "$file.tmp" "$file"
}

# The ids one saved output lists ("Vpcs[].VpcId"), for the per-argument commands.
ids() {
  local file="$1" query="$2"
  [ -f "$file" ] || return 0
  python3 -c 'import json,sys
data=json.load(open(sys.argv[1]))
path=sys.argv[2].split(".")
def walk(node, parts):
    if not parts:
        yield node; return
    head, rest = parts[0], parts[1:]
    if head.endswith("[]"):
        for item in (node.get(head[:-2]) or []): yield from walk(item, rest)
    elif isinstance(node, dict) and head in node:
        yield from walk(node[head], rest)
for v in walk(data, path): print(v)' "$file" "$query"
}

IFS=',' read -r -a region_list <<< "$regions"
for profile in "${profiles[@]}"; do
  account=""
  if [ ${#profiles[@]} -gt 1 ]; then
    account="$(aws sts get-caller-identity --query Account --output text ${profile:+--profile "$profile"})-"
  fi
  for region in "${region_list[@]}"; do
    dir="$out/$account$region"
    mkdir -p "$dir"
    echo "collecting ${profile:-default profile} $region -> $dir" >&2
    for command in describe-vpcs describe-subnets describe-route-tables describe-security-groups describe-network-acls \
      describe-vpc-peering-connections describe-vpc-endpoints describe-internet-gateways describe-egress-only-internet-gateways \
      describe-nat-gateways describe-network-interfaces describe-instances describe-addresses describe-dhcp-options \
      describe-managed-prefix-lists describe-prefix-lists describe-transit-gateways describe-transit-gateway-attachments \
      describe-transit-gateway-vpc-attachments describe-transit-gateway-peering-attachments describe-transit-gateway-route-tables \
      describe-vpn-gateways describe-customer-gateways describe-vpn-connections describe-vpc-endpoint-service-configurations \
      describe-vpc-endpoint-connections describe-vpc-block-public-access-options describe-vpc-block-public-access-exclusions; do
      call "$dir/$command.json" ec2 "$command"
    done
    for vpc in $(ids "$dir/describe-vpcs.json" "Vpcs[].VpcId"); do
      for attribute in enableDnsSupport enableDnsHostnames; do
        call "$dir/describe-vpc-attribute.$vpc.$attribute.json" ec2 describe-vpc-attribute --vpc-id "$vpc" --attribute "$attribute"
      done
    done
    for pl in $(ids "$dir/describe-managed-prefix-lists.json" "PrefixLists[].PrefixListId"); do
      call "$dir/get-managed-prefix-list-entries.$pl.json" ec2 get-managed-prefix-list-entries --prefix-list-id "$pl"
    done
    for rtb in $(ids "$dir/describe-transit-gateway-route-tables.json" "TransitGatewayRouteTables[].TransitGatewayRouteTableId"); do
      call "$dir/search-transit-gateway-routes.$rtb.json" ec2 search-transit-gateway-routes \
        --transit-gateway-route-table-id "$rtb" --filters "Name=state,Values=active,blackhole"
      call "$dir/get-transit-gateway-route-table-associations.$rtb.json" ec2 get-transit-gateway-route-table-associations --transit-gateway-route-table-id "$rtb"
      call "$dir/get-transit-gateway-route-table-propagations.$rtb.json" ec2 get-transit-gateway-route-table-propagations --transit-gateway-route-table-id "$rtb"
    done
    for svc in $(ids "$dir/describe-vpc-endpoint-service-configurations.json" "ServiceConfigurations[].ServiceId"); do
      call "$dir/describe-vpc-endpoint-service-permissions.$svc.json" ec2 describe-vpc-endpoint-service-permissions --service-id "$svc"
    done
    call "$dir/describe-virtual-interfaces.json" directconnect describe-virtual-interfaces
    call "$dir/describe-direct-connect-gateways.json" directconnect describe-direct-connect-gateways
    for dxgw in $(ids "$dir/describe-direct-connect-gateways.json" "directConnectGateways[].directConnectGatewayId"); do
      call "$dir/describe-direct-connect-gateway-associations.$dxgw.json" directconnect describe-direct-connect-gateway-associations --direct-connect-gateway-id "$dxgw"
      call "$dir/describe-direct-connect-gateway-attachments.$dxgw.json" directconnect describe-direct-connect-gateway-attachments --direct-connect-gateway-id "$dxgw"
    done
    call "$dir/describe-load-balancers.json" elbv2 describe-load-balancers
    python3 -c 'import json,sys
for b in json.load(open(sys.argv[1])).get("LoadBalancers", []): print(b["LoadBalancerName"], b["LoadBalancerArn"])' "$dir/describe-load-balancers.json" 2>/dev/null |
      while read -r name arn; do
        call "$dir/describe-listeners.$name.json" elbv2 describe-listeners --load-balancer-arn "$arn"
        call "$dir/describe-load-balancer-attributes.$name.json" elbv2 describe-load-balancer-attributes --load-balancer-arn "$arn"
      done
    call "$dir/describe-target-groups.json" elbv2 describe-target-groups
    python3 -c 'import json,sys
for g in json.load(open(sys.argv[1])).get("TargetGroups", []): print(g["TargetGroupName"], g["TargetGroupArn"])' "$dir/describe-target-groups.json" 2>/dev/null |
      while read -r name arn; do
        call "$dir/describe-target-health.$name.json" elbv2 describe-target-health --target-group-arn "$arn"
      done
  done
done
echo "done: npx reachable validate --topology $out" >&2
