// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/ErrorCode.h"

namespace cohort::ErrorCode {

const char *name(qint16 code)
{
    switch (code) {
    case UnknownServerError: return "UNKNOWN_SERVER_ERROR";
    case None: return "NONE";
    case OffsetOutOfRange: return "OFFSET_OUT_OF_RANGE";
    case CorruptMessage: return "CORRUPT_MESSAGE";
    case UnknownTopicOrPartition: return "UNKNOWN_TOPIC_OR_PARTITION";
    case LeaderNotAvailable: return "LEADER_NOT_AVAILABLE";
    case NotLeaderOrFollower: return "NOT_LEADER_OR_FOLLOWER";
    case RequestTimedOut: return "REQUEST_TIMED_OUT";
    case MessageTooLarge: return "MESSAGE_TOO_LARGE";
    case OffsetMetadataTooLarge: return "OFFSET_METADATA_TOO_LARGE";
    case CoordinatorLoadInProgress: return "COORDINATOR_LOAD_IN_PROGRESS";
    case CoordinatorNotAvailable: return "COORDINATOR_NOT_AVAILABLE";
    case NotCoordinator: return "NOT_COORDINATOR";
    case InvalidTopicException: return "INVALID_TOPIC_EXCEPTION";
    case RecordListTooLarge: return "RECORD_LIST_TOO_LARGE";
    case IllegalGeneration: return "ILLEGAL_GENERATION";
    case InconsistentGroupProtocol: return "INCONSISTENT_GROUP_PROTOCOL";
    case InvalidGroupId: return "INVALID_GROUP_ID";
    case UnknownMemberId: return "UNKNOWN_MEMBER_ID";
    case InvalidSessionTimeout: return "INVALID_SESSION_TIMEOUT";
    case RebalanceInProgress: return "REBALANCE_IN_PROGRESS";
    case InvalidCommitOffsetSize: return "INVALID_COMMIT_OFFSET_SIZE";
    case TopicAuthorizationFailed: return "TOPIC_AUTHORIZATION_FAILED";
    case GroupAuthorizationFailed: return "GROUP_AUTHORIZATION_FAILED";
    case ClusterAuthorizationFailed: return "CLUSTER_AUTHORIZATION_FAILED";
    case UnsupportedSaslMechanism: return "UNSUPPORTED_SASL_MECHANISM";
    case IllegalSaslState: return "ILLEGAL_SASL_STATE";
    case UnsupportedVersion: return "UNSUPPORTED_VERSION";
    case TopicAlreadyExists: return "TOPIC_ALREADY_EXISTS";
    case InvalidPartitions: return "INVALID_PARTITIONS";
    case InvalidReplicationFactor: return "INVALID_REPLICATION_FACTOR";
    case NotController: return "NOT_CONTROLLER";
    case InvalidRequest: return "INVALID_REQUEST";
    case PolicyViolation: return "POLICY_VIOLATION";
    case OutOfOrderSequenceNumber: return "OUT_OF_ORDER_SEQUENCE_NUMBER";
    case DuplicateSequenceNumber: return "DUPLICATE_SEQUENCE_NUMBER";
    case SaslAuthenticationFailed: return "SASL_AUTHENTICATION_FAILED";
    case NonEmptyGroup: return "NON_EMPTY_GROUP";
    case GroupIdNotFound: return "GROUP_ID_NOT_FOUND";
    case MemberIdRequired: return "MEMBER_ID_REQUIRED";
    case GroupMaxSizeReached: return "GROUP_MAX_SIZE_REACHED";
    case FencedInstanceId: return "FENCED_INSTANCE_ID";
    case GroupSubscribedToTopic: return "GROUP_SUBSCRIBED_TO_TOPIC";
    case UnstableOffsetCommit: return "UNSTABLE_OFFSET_COMMIT";
    case UnknownTopicId: return "UNKNOWN_TOPIC_ID";
    case FencedMemberEpoch: return "FENCED_MEMBER_EPOCH";
    case UnreleasedInstanceId: return "UNRELEASED_INSTANCE_ID";
    case UnsupportedAssignor: return "UNSUPPORTED_ASSIGNOR";
    case StaleMemberEpoch: return "STALE_MEMBER_EPOCH";
    }
    return "UNKNOWN";
}

}   // namespace cohort::ErrorCode
