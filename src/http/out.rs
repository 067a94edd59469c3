//! The body of an answer as the server hands it to hyper.

use bytes::Bytes;
use http_body::{Frame, SizeHint};
use std::pin::Pin;
use std::task::{Context, Poll};

/// A response body: bytes in hand (a stored page), or the router's body.
#[derive(Debug)]
pub enum Out {
    /// The bytes, taken once sent.
    Bytes(Option<Bytes>),
    Routed(axum::body::Body),
}

impl Default for Out {
    fn default() -> Self {
        Out::Bytes(None)
    }
}

impl Out {
    /// A body of `bytes` (none when empty).
    pub fn bytes(bytes: Bytes) -> Self {
        Out::Bytes(Some(bytes).filter(|b| !b.is_empty()))
    }
}

impl http_body::Body for Out {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        match self.get_mut() {
            Out::Bytes(b) => Poll::Ready(b.take().map(|b| Ok(Frame::data(b)))),
            Out::Routed(body) => Pin::new(body).poll_frame(cx),
        }
    }

    fn is_end_stream(&self) -> bool {
        match self {
            Out::Bytes(b) => b.is_none(),
            Out::Routed(body) => body.is_end_stream(),
        }
    }

    fn size_hint(&self) -> SizeHint {
        match self {
            Out::Bytes(b) => SizeHint::with_exact(b.as_ref().map_or(0, |b| b.len() as u64)),
            Out::Routed(body) => body.size_hint(),
        }
    }
}
