// The lab assignment's starting network, shared by the goal checker's tests and the lab e2e test: db-c sits in the
// public subnet with a public IP and a security group open to the whole internet on 5432 (and 8000-8100). The
// learner must keep app-a -> db-c on 5432 and close db-c to the internet on every port.
export const ASSIGNMENT_START = `region: us-east-1
vpcs:
  - { id: vpc-lab, cidrBlocks: [10.0.0.0/16] }
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
  - id: sg-app
    vpcId: vpc-lab
    inbound: []
  - id: sg-db
    vpcId: vpc-lab
    inbound:
      - { protocol: tcp, fromPort: 5432, toPort: 5432, cidrBlock: 0.0.0.0/0 }
      - { protocol: tcp, fromPort: 8000, toPort: 8100, cidrBlock: 0.0.0.0/0 }
instances:
  - { id: i-app, name: app-a, subnetId: subnet-private, privateIp: 10.0.2.10, securityGroupIds: [sg-app] }
  - { id: i-db, name: db-c, subnetId: subnet-public, privateIp: 10.0.1.20, publicIp: 203.0.113.20, securityGroupIds: [sg-db] }
`;
