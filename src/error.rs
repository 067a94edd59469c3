//! The one error type of request handling. Handlers return
//! `Result<Response, AppError>`; `AppError` becomes a response that carries
//! itself as an extension, and the error layer (in `http`) renders the
//! site's page for it, with the current site's layout, in one place.
//! Errors the framework makes itself (a path that is not UTF-8, a timeout)
//! are mapped to an `AppError` by status there too.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// Why a request failed, in the terms a reader's page needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum AppError {
    NotFound,
    /// Part of the address could not be read.
    BadAddress,
    UriTooLong,
    MethodNotAllowed,
    PayloadTooLarge,
    Timeout,
    /// Self-check answers that could not be read (the sentence says why).
    BadAnswers(String),
    /// A search query string that could not be read.
    BadSearch(String),
    /// Our fault; the details are logged, never shown.
    Internal(String),
}

impl AppError {
    pub(crate) fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::BadAddress | AppError::BadAnswers(_) | AppError::BadSearch(_) => {
                StatusCode::BAD_REQUEST
            }
            AppError::UriTooLong => StatusCode::URI_TOO_LONG,
            AppError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Timeout => StatusCode::REQUEST_TIMEOUT,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The error for a status the framework answered with.
    pub(crate) fn from_status(status: StatusCode) -> Self {
        match status {
            StatusCode::NOT_FOUND => AppError::NotFound,
            StatusCode::URI_TOO_LONG => AppError::UriTooLong,
            StatusCode::METHOD_NOT_ALLOWED => AppError::MethodNotAllowed,
            StatusCode::PAYLOAD_TOO_LARGE => AppError::PayloadTooLarge,
            StatusCode::REQUEST_TIMEOUT => AppError::Timeout,
            s if s.is_client_error() => AppError::BadAddress,
            s => AppError::Internal(format!("the framework answered {s}")),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::Internal(why) = &self {
            tracing::error!(error = %why, "request failed");
        }
        let mut res = self.status().into_response();
        res.extensions_mut().insert(self);
        res
    }
}

impl From<String> for AppError {
    fn from(why: String) -> Self {
        AppError::Internal(why)
    }
}
