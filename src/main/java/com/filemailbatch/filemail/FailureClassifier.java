package com.filemailbatch.filemail;

import java.util.List;
import java.util.Set;

/**
 * The one place that decides what a failed call means: the envelope's {@code responsestatus} first, the HTTP
 * status where the body says nothing useful. Filemail documents the status names but not which one comes with
 * which HTTP status, so the names decide where they are known (docs/filemail-api.md, "Errors").
 */
final class FailureClassifier {

    private static final Set<String> TRANSIENT = Set.of("RateLimitExceeded", "ServiceInterruption",
            "AllFileserversBusy", "UploadRecentlyUpdated", "UnknownError");

    private static final Set<String> QUOTA = Set.of("ApiKeyQuotaExceeded");

    private static final Set<String> FATAL = Set.of("MissingApikey", "InvalidApikey", "InvalidOrExpiredLoginToken",
            "RefreshTokenExpired", "RefreshTokenAlreadyUsed", "WrongUsernamePassword", "PasswordResetRequired",
            "AccountExpired", "AccountExpiredAndOutOfTransferCredits", "FreeLimitReached", "StorageCapReached",
            "SubscriptionNotPaid", "AccessDenied", "AuthorizationFailure", "CorpAuthenticationRequired",
            "CorpAuthorizationFailed", "EmailNotVerified", "RegistrationRequired",
            "BusinessAccountExistsRegistrationRequired", "UserAccountExistsLoginRequired", "Blocked",
            // The 2FA/SSO family: an account-level sign-in problem, the same for every row.
            "UseSsoLink", "SsoSessionExpired", "SsoCompanyDoesNotUseAdLogin", "SsoGroupIdNotSupported",
            "SsoSignatureInvalid", "SsoUserDisabled", "SsoLoginGeneralError", "SsoMissingAuthCode",
            "SsoResetPasswordBlocked", "TwoFactorTokenNotFound", "TwoFactorUserNotFound", "TwoFactorPinNotValid");

    private FailureClassifier() {
    }

    static FailureClass classify(int httpStatus, String responseStatus) {
        if (responseStatus != null) {
            if (QUOTA.contains(responseStatus)) {
                return FailureClass.QUOTA;
            }
            if (FATAL.contains(responseStatus)) {
                return FailureClass.FATAL;
            }
            if (TRANSIENT.contains(responseStatus)) {
                return FailureClass.TRANSIENT;
            }
        }
        if (httpStatus == 0 || httpStatus == 429 || httpStatus >= 500 || httpStatus == 406 || httpStatus == 449) {
            return FailureClass.TRANSIENT;
        }
        // 401 is a bad key; 404 on an API path is a wrong base URL: both are configuration, not data.
        if (httpStatus == 401 || httpStatus == 403 || httpStatus == 404) {
            return FailureClass.FATAL;
        }
        return FailureClass.ROW;
    }

    static FilemailApiException exception(String operation, int httpStatus, String responseStatus,
            String errorMessage, List<ValidationError> validationErrors, Throwable cause) {
        return new FilemailApiException(classify(httpStatus, responseStatus), operation, httpStatus,
                responseStatus, errorMessage, validationErrors, cause);
    }
}
