//! The two macros that declare content shapes: [`translatable!`] (an
//! English file's shape and its translation's, from one list) and
//! [`shape!`] (a file shape of its own), and [`Plain`], which turns a
//! parsed word value into the typed model's.

use toml::Spanned;

/// A word value as the typed model holds it (spans dropped).
pub(crate) trait Plain {
    type Out;
    fn plain(&self) -> Self::Out;
}

impl Plain for String {
    type Out = String;
    fn plain(&self) -> String {
        self.clone()
    }
}

impl Plain for Spanned<String> {
    type Out = String;
    fn plain(&self) -> String {
        self.get_ref().clone()
    }
}

impl Plain for Option<String> {
    type Out = Option<String>;
    fn plain(&self) -> Option<String> {
        self.clone()
    }
}

impl Plain for Vec<String> {
    type Out = Vec<String>;
    fn plain(&self) -> Vec<String> {
        self.clone()
    }
}

/// Declares a translatable shape once: `shared` fields are in both the
/// English file and its translation (and in the typed model `=> Type`),
/// `file` fields only in the English file (data), `words` fields only in
/// the translation (words keyed by the English ids).
macro_rules! translatable {
    (
        $(#[$fdoc:meta])* file $file:ident,
        $(#[$wdoc:meta])* words $words:ident => $target:path,
        shared { $($(#[$sa:meta])* $sf:ident : $st:ty),* $(,)? }
        file { $($(#[$fa:meta])* $ff:ident : $ft:ty),* $(,)? }
        words { $($(#[$wa:meta])* $wf:ident : $wt:ty),* $(,)? }
    ) => {
        $(#[$fdoc])*
        #[derive(Debug, ::serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub(crate) struct $file {
            $($(#[$sa])* pub(crate) $sf: $st,)*
            $($(#[$fa])* pub(crate) $ff: $ft,)*
        }

        $(#[$wdoc])*
        #[derive(Debug, ::serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub(crate) struct $words {
            $($(#[$sa])* pub(crate) $sf: $st,)*
            $($(#[$wa])* pub(crate) $wf: $wt,)*
        }

        impl $file {
            /// Put this file's words on the typed value (a value with no
            /// `Default`, such as a `Site`, takes them in its literal: the
            /// compiler names a missing one).
            #[allow(unused_variables, dead_code)]
            pub(crate) fn apply(&self, to: &mut $target) {
                $(to.$sf = $crate::content::words::shape::Plain::plain(&self.$sf);)*
            }
        }

        impl $words {
            /// Put the shared words over the English value's.
            #[allow(unused_variables)]
            pub(crate) fn apply(&self, to: &mut $target) {
                $(to.$sf = $crate::content::words::shape::Plain::plain(&self.$sf);)*
            }
        }
    };
}

/// Declares one file shape (every table denies unknown fields).
macro_rules! shape {
    (
        $(#[$doc:meta])* $name:ident {
            $($(#[$fa:meta])* $field:ident : $ty:ty),* $(,)?
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug, ::serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub(crate) struct $name {
            $($(#[$fa])* pub(crate) $field: $ty,)*
        }
    };
}
