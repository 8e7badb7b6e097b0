// The blank network a learner starts from: one VPC, two subnets, two instances that can already talk: web reaches
// app on TCP 443 (the lab's default question), so a newcomer opens on a working path and its trace (uxr6 finding 4).
export const STARTER_TOPOLOGY_YAML = `description: A starter VPC with a public and a private subnet. Edit it and ask.
region: us-east-1
vpcs:
  - { id: vpc-lab, name: lab-vpc, cidrBlocks: [10.0.0.0/16] }
subnets:
  - { id: subnet-public, vpcId: vpc-lab, availabilityZone: us-east-1a, cidrBlock: 10.0.1.0/24, routeTableId: rtb-public }
  - { id: subnet-private, vpcId: vpc-lab, availabilityZone: us-east-1a, cidrBlock: 10.0.2.0/24 }
internetGateways:
  - { id: igw-lab, vpcId: vpc-lab }
routeTables:
  - id: rtb-public
    vpcId: vpc-lab
    routes:
      - { destination: 0.0.0.0/0, target: igw-lab }
securityGroups:
  - id: sg-web
    vpcId: vpc-lab
    inbound: [{ protocol: tcp, fromPort: 443, toPort: 443, cidrBlock: 0.0.0.0/0 }]
  - id: sg-app
    vpcId: vpc-lab
    inbound: [{ protocol: tcp, fromPort: 443, toPort: 443, securityGroupId: sg-web }]
instances:
  - { id: i-web, name: web, subnetId: subnet-public, privateIp: 10.0.1.10, publicIp: 203.0.113.10, securityGroupIds: [sg-web] }
  - { id: i-app, name: app, subnetId: subnet-private, privateIp: 10.0.2.10, securityGroupIds: [sg-app] }
`;
