//! Files in the config dir: created 0700 when missing, written atomically (a temp file in the same
//! directory, fsync, rename), so a reader — another bgagent, the TypeScript CLI — sees the old file
//! or the new one, never half of one.

use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::error::{Error, Result};

/// The config dir (`$BGAGENT_CONFIG_DIR`, else `~/.bgagent`).
pub fn dir() -> Result<PathBuf> {
    crate::config::dir().ok_or_else(|| {
        Error::usage("no config dir: HOME is not set").hint("set BGAGENT_CONFIG_DIR=<dir>")
    })
}

/// Creates the config dir with mode 0700 if it is missing (an existing dir keeps its mode).
pub fn ensure_dir(d: &Path) -> Result<()> {
    if d.is_dir() {
        return Ok(());
    }
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(d)
        .map_err(|e| Error::failure(format!("could not create {}", d.display())).cause(e))
}

/// Writes `contents` to `path` atomically with `mode` (also applied when the file existed).
pub fn write_atomic(path: &Path, contents: &[u8], mode: u32) -> Result<()> {
    let d = path.parent().unwrap_or(Path::new("."));
    ensure_dir(d)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = d.join(format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        hex::encode(rand::random::<[u8; 6]>())
    ));
    let fail = |e: std::io::Error| {
        Error::failure(format!("could not write {}", path.display()))
            .cause(e)
            .not_written(path.display().to_string())
    };
    let result = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(mode)
            .open(&tmp)?;
        f.set_permissions(std::fs::Permissions::from_mode(mode))?;
        f.write_all(contents)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(e));
    }
    Ok(())
}

/// Pretty JSON (2-space indent) with a trailing newline, as the TypeScript CLI writes it.
pub fn pretty(v: &Value) -> Vec<u8> {
    let mut s = serde_json::to_string_pretty(v).expect("serialisable");
    s.push('\n');
    s.into_bytes()
}

pub enum Read {
    Missing,
    Corrupt(String),
    Object(Map<String, Value>),
}

/// Reads a JSON object file.
pub fn read_object(path: &Path) -> Result<Read> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Read::Missing),
        Err(e) => {
            return Err(Error::failure(format!("could not read {}", path.display())).cause(e));
        }
    };
    Ok(match serde_json::from_str::<Value>(&text) {
        Ok(Value::Object(m)) => Read::Object(m),
        Ok(_) => Read::Corrupt("not a JSON object".into()),
        Err(e) => Read::Corrupt(format!("not valid JSON ({e})")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_sets_mode_and_replaces() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("sub/creds.json");
        write_atomic(&p, b"one", 0o600).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        let meta = std::fs::metadata(&p).unwrap();
        assert_eq!(meta.permissions().mode() & 0o777, 0o600);
        let dmeta = std::fs::metadata(p.parent().unwrap()).unwrap();
        assert_eq!(dmeta.permissions().mode() & 0o777, 0o700);
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).unwrap();
        write_atomic(&p, b"two", 0o600).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(
            std::fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o600
        );
        // No temp files are left behind.
        assert_eq!(std::fs::read_dir(p.parent().unwrap()).unwrap().count(), 1);
    }
}
