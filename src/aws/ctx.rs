//! The context of a command that talks to the platform: the AWS configuration, the stack outputs
//! it needs, and a DynamoDB client, with the consistent reads the commands share.

use crate::aws::{Aws, Output, Outputs, ddb, sdk_error};
use crate::cli::GlobalArgs;
use crate::error::{Error, Result};
use crate::terminal::Ui;

/// AWS clients plus the stack outputs a command needs.
pub struct Ctx {
    pub aws: Aws,
    pub out: Outputs,
    pub ddb: aws_sdk_dynamodb::Client,
}

impl Ctx {
    /// Stack outputs from the cache when warm (see `Aws::outputs`).
    pub async fn new(g: &GlobalArgs, ui: &Ui, needed: &[Output]) -> Result<Ctx> {
        let aws = Aws::connect(g, ui).await?;
        let out = aws.outputs(ui, needed).await?;
        let ddb = aws.ddb();
        Ok(Ctx { aws, out, ddb })
    }

    /// Stack outputs always read live from CloudFormation (see `Aws::outputs_live`): for
    /// `doctor`, `setup` and `update-webhook-secret`.
    pub async fn new_live(g: &GlobalArgs, ui: &Ui, needed: &[Output]) -> Result<Ctx> {
        let aws = Aws::connect(g, ui).await?;
        let out = aws.outputs_live(ui, needed).await?;
        let ddb = aws.ddb();
        Ok(Ctx { aws, out, ddb })
    }

    /// A consistent GetItem on a table given by its stack output.
    pub async fn get(
        &self,
        ui: &Ui,
        table: Output,
        key_name: &str,
        key: &str,
    ) -> Result<Option<ddb::Item>> {
        let t = self.out.get(table);
        ui.debug(format!("dynamodb:GetItem {t} {key_name}={key}"));
        let r = self
            .ddb
            .get_item()
            .table_name(t)
            .set_key(Some(ddb::key(key_name, key)))
            .consistent_read(true)
            .send()
            .await
            .map_err(|e| sdk_error(format!("could not read {key_name}={key} from {t}"), e))?;
        Ok(r.item)
    }

    /// Several consistent reads in one `BatchGetItem` (one round trip): one item per
    /// (table, key name, key), in the order asked.
    pub async fn batch_get(
        &self,
        ui: &Ui,
        wanted: &[(Output, &str, &str)],
    ) -> Result<Vec<Option<ddb::Item>>> {
        use aws_sdk_dynamodb::types::KeysAndAttributes;
        use std::collections::HashMap;
        let mut request: HashMap<String, KeysAndAttributes> = HashMap::new();
        for (table, key_name, key) in wanted {
            let t = self.out.get(*table).to_string();
            let entry = request.remove(&t).map(|k| k.keys).unwrap_or_default();
            let mut keys = entry;
            keys.push(ddb::key(key_name, key));
            let ka = KeysAndAttributes::builder()
                .set_keys(Some(keys))
                .consistent_read(true)
                .build()
                .map_err(|e| Error::failure("could not build a read request").cause(e))?;
            request.insert(t, ka);
        }
        ui.debug(format!("dynamodb:BatchGetItem {} key(s)", wanted.len()));
        let mut found: HashMap<String, Vec<ddb::Item>> = HashMap::new();
        let mut pending = Some(request);
        for attempt in 0..8u32 {
            let Some(req) = pending.take().filter(|r| !r.is_empty()) else {
                break;
            };
            if attempt > 0 {
                // Unprocessed keys mean DynamoDB is throttling: back off before asking again.
                let wait = crate::env::backoff(std::time::Duration::from_millis(
                    (50u64 << attempt).min(2000),
                ));
                ui.debug(format!(
                    "dynamodb:BatchGetItem left keys unprocessed; retrying in {} ms",
                    wait.as_millis()
                ));
                tokio::time::sleep(wait).await;
            }
            let r = self
                .ddb
                .batch_get_item()
                .set_request_items(Some(req))
                .send()
                .await
                .map_err(|e| sdk_error("could not read the platform tables", e))?;
            for (t, items) in r.responses.unwrap_or_default() {
                found.entry(t).or_default().extend(items);
            }
            pending = r.unprocessed_keys;
        }
        if pending.is_some_and(|p| !p.is_empty()) {
            return Err(Error::failure(
                "DynamoDB kept throttling the reads of the platform tables",
            )
            .hint("retry in a few seconds"));
        }
        Ok(wanted
            .iter()
            .map(|(table, key_name, key)| {
                found.get(self.out.get(*table)).and_then(|items| {
                    items
                        .iter()
                        .find(|i| ddb::get_s(i, key_name) == Some(*key))
                        .cloned()
                })
            })
            .collect())
    }
}
