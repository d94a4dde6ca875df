//! DynamoDB items as plain string/number maps, and small readers for attributes.

use std::collections::HashMap;

use aws_sdk_dynamodb::types::AttributeValue;

pub type Item = HashMap<String, AttributeValue>;

pub fn s(v: impl Into<String>) -> AttributeValue {
    AttributeValue::S(v.into())
}

pub fn n(v: i64) -> AttributeValue {
    AttributeValue::N(v.to_string())
}

pub fn get_s<'a>(item: &'a Item, key: &str) -> Option<&'a str> {
    item.get(key)
        .and_then(|v| v.as_s().ok())
        .map(String::as_str)
}

pub fn get_n(item: &Item, key: &str) -> Option<i64> {
    item.get(key)
        .and_then(|v| v.as_n().ok())
        .and_then(|n| n.parse::<f64>().ok())
        .map(|f| f as i64)
}

pub fn key(name: &str, value: &str) -> Item {
    HashMap::from([(name.to_string(), s(value))])
}

/// The item as a JSON object (strings, numbers, booleans, nested maps and lists), through the
/// same serde mapping as the typed rows ([`super::rows`]).
pub fn to_json(item: &Item) -> serde_json::Value {
    super::rows::to_json(item)
}

/// A scan filter: expression, attribute names, attribute values.
pub type Filter<'a> = (
    &'a str,
    HashMap<String, String>,
    HashMap<String, AttributeValue>,
);

/// Scans a whole table (paginated, consistent).
pub async fn scan_all(
    ddb: &aws_sdk_dynamodb::Client,
    table: &str,
    filter: Option<Filter<'_>>,
) -> Result<
    Vec<Item>,
    aws_sdk_dynamodb::error::SdkError<aws_sdk_dynamodb::operation::scan::ScanError>,
> {
    let mut items = Vec::new();
    let mut start: Option<Item> = None;
    loop {
        let mut req = ddb
            .scan()
            .table_name(table)
            .consistent_read(true)
            .set_exclusive_start_key(start.take());
        if let Some((expr, names, values)) = &filter {
            req = req
                .filter_expression(*expr)
                .set_expression_attribute_names(Some(names.clone()))
                .set_expression_attribute_values(Some(values.clone()));
        }
        let resp = req.send().await?;
        items.extend(resp.items().iter().cloned());
        match resp.last_evaluated_key() {
            Some(k) if !k.is_empty() => start = Some(k.clone()),
            _ => return Ok(items),
        }
    }
}
