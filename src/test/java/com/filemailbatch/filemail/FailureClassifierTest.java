package com.filemailbatch.filemail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How each documented status and HTTP status is classified, row by row (docs/filemail-api.md, "Errors"); an empty
 * responsestatus cell means the body had none. */
class FailureClassifierTest {

    @ParameterizedTest(name = "HTTP {0} {1} -> {2}")
    @CsvSource({
            // Transient: retry with backoff
            "429, RateLimitExceeded,                         TRANSIENT",
            "500, ServiceInterruption,                       TRANSIENT",
            "409, AllFileserversBusy,                        TRANSIENT",
            "409, UploadRecentlyUpdated,                     TRANSIENT",
            "500, UnknownError,                              TRANSIENT",
            "500,,                                           TRANSIENT",
            "502,,                                           TRANSIENT",
            "503,,                                           TRANSIENT",
            "504,,                                           TRANSIENT",
            "429,,                                           TRANSIENT",
            "406,,                                           TRANSIENT",
            "449,,                                           TRANSIENT",
            "0,,                                             TRANSIENT",
            // Permanent for the row
            "400, InvalidParameter,                          ROW",
            "400, InputParameterMissing,                     ROW",
            "400, InvalidRequest,                            ROW",
            "400, InvalidEmail,                              ROW",
            "400, TooManyRecipients,                         ROW",
            "409, FileSizeBlockSender,                       ROW",
            "409, FileSizeBlockRecipient,                    ROW",
            "409, FileIsInfected,                            ROW",
            "400, PasswordRequired,                          ROW",
            "400, NotFound,                                  ROW",
            "400, FileIsDeleted,                             ROW",
            "400, TransferExpired,                           ROW",
            "400, InvalidTransferState,                      ROW",
            "409, InvalidTransferState,                      ROW",
            "400, OperationCancelled,                        ROW",
            "400, UploadNotComplete,                         ROW",
            "400,,                                           ROW",
            "409,,                                           ROW",
            // days=-1 on a plan without permanent transfers: ambiguous (account or row), kept row-level
            "400, FeatureAvailableForRegisteredUsers,        ROW",
            // The daily quota: stop sending for today
            "429, ApiKeyQuotaExceeded,                       QUOTA",
            // Fatal for the run
            "401, MissingApikey,                             FATAL",
            "401, InvalidApikey,                             FATAL",
            "401,,                                           FATAL",
            "403,,                                           FATAL",
            "404,,                                           FATAL",
            "404, NotFound,                                  FATAL",
            "401, InvalidOrExpiredLoginToken,                FATAL",
            "401, RefreshTokenExpired,                       FATAL",
            "401, RefreshTokenAlreadyUsed,                   FATAL",
            "400, WrongUsernamePassword,                     FATAL",
            "400, PasswordResetRequired,                     FATAL",
            "400, UseSsoLink,                                FATAL",
            "400, SsoSessionExpired,                         FATAL",
            "400, SsoUserDisabled,                           FATAL",
            "400, SsoLoginGeneralError,                      FATAL",
            "400, TwoFactorTokenNotFound,                    FATAL",
            "400, TwoFactorPinNotValid,                      FATAL",
            "409, AccountExpired,                            FATAL",
            "409, AccountExpiredAndOutOfTransferCredits,     FATAL",
            "409, FreeLimitReached,                          FATAL",
            "409, StorageCapReached,                         FATAL",
            "409, SubscriptionNotPaid,                       FATAL",
            "400, AccessDenied,                              FATAL",
            "401, AuthorizationFailure,                      FATAL",
            "400, CorpAuthenticationRequired,                FATAL",
            "400, CorpAuthorizationFailed,                   FATAL",
            "409, EmailNotVerified,                          FATAL",
            "409, RegistrationRequired,                      FATAL",
            "409, BusinessAccountExistsRegistrationRequired, FATAL",
            "409, UserAccountExistsLoginRequired,            FATAL",
            "409, Blocked,                                   FATAL",
            // The envelope's status decides before the HTTP status does
            "500, InvalidApikey,                             FATAL",
            "429, StorageCapReached,                         FATAL",
            "400, RateLimitExceeded,                         TRANSIENT",
    })
    void classifiesLikeTheDocumentedTable(int httpStatus, String responseStatus, FailureClass expected) {
        assertThat(FailureClassifier.classify(httpStatus, responseStatus)).isEqualTo(expected);

        FilemailApiException exception = FailureClassifier.exception("initialize", httpStatus, responseStatus,
                "message", List.of(), null);
        assertThat(exception.failureClass()).isEqualTo(expected);
        assertThat(exception.httpStatus()).isEqualTo(httpStatus);
        assertThat(exception.statusLabel()).isEqualTo(responseStatus != null ? responseStatus
                : httpStatus == 0 ? "NoAnswer" : "HTTP " + httpStatus);
    }
}
