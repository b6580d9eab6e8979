//! Salted password hashes (D2): demo passwords are never stored or exported
//! in clear. SHA-256 over salt and password; the salt is an input, so the
//! rules stay deterministic and free of any random source.

use sha2::{Digest, Sha256};

/// A password as Certlink keeps it: a salt and the SHA-256 of salt + password.
#[derive(Clone, PartialEq, Eq)]
pub struct PasswordHash {
    salt: String,
    sha256: String,
}

impl std::fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordHash(..)")
    }
}

impl PasswordHash {
    /// Hashes `password` with `salt` (any unique text, e.g. random hex).
    pub fn new(password: &str, salt: &str) -> PasswordHash {
        PasswordHash { salt: salt.to_string(), sha256: digest(salt, password) }
    }

    /// The hash of `password` with `salt`, or `same` itself where
    /// `password` is its password: the same credentials of a work account
    /// and a Microsoft Learning account are one hash, which R9's shortcut
    /// compares.
    pub fn new_or_same(password: &str, salt: &str, same: Option<&PasswordHash>) -> PasswordHash {
        match same {
            Some(hash) if hash.verify(password) => hash.clone(),
            _ => PasswordHash::new(password, salt),
        }
    }

    /// A hash as stored: its salt and its SHA-256 in lower-case hex.
    pub fn from_stored(salt: &str, sha256: &str) -> PasswordHash {
        PasswordHash { salt: salt.to_string(), sha256: sha256.to_string() }
    }

    pub fn salt(&self) -> &str {
        &self.salt
    }

    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    /// True when `password` is the one this hash was made from.
    pub fn verify(&self, password: &str) -> bool {
        // Compare every byte, so the time taken does not tell how much matched.
        let candidate = digest(&self.salt, password);
        candidate.len() == self.sha256.len()
            && candidate.bytes().zip(self.sha256.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
    }
}

fn digest(salt: &str, password: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(salt.as_bytes());
    hasher.update([0u8]);
    hasher.update(password.as_bytes());
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn d2_passwords_are_kept_salted_and_never_in_clear() {
        let hash = PasswordHash::new("Contoso#2026", "salt-a");
        assert!(!hash.salt().contains("Contoso#2026") && !hash.sha256().contains("Contoso#2026"));
        assert!(hash.verify("Contoso#2026"));
        assert!(!hash.verify("contoso#2026"));
        assert_ne!(hash, PasswordHash::new("Contoso#2026", "salt-b"), "the salt must change the hash");
    }
}
