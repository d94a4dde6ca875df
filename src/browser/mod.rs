//! The browser edge: open the authorize URL, and receive the redirect on a short-lived
//! localhost callback server (or as a URL pasted back on stdin when there is no browser).

pub mod callback;
pub mod flow;
pub mod launch;
pub mod redirect;
