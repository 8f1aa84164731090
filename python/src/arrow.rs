//! Arrow in, Arrow out: a string array of texts -> a struct array of reports (nested lists and
//! structs), or a flat table with one row per figure.
//!
//! The texts are read in place from the caller's Arrow buffers (`Utf8`, `LargeUtf8` or
//! `Utf8View`: no copy). The struct form is the core's own serialisation of each document
//! (the `Serialize` the CLI's JSON is written with) fed to `arrow-json`'s decoder without
//! JSON text in between, against a fixed schema in strict mode: a key the schema does not know
//! is an error, so the Arrow form can never silently lose a field the CLI writes.

use crate::prepared;
use crate::run::{Failure, Threads};
use arrow_array::builder::{Float64Builder, Int64Builder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, RecordBatch, StructArray};
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef};
use casualty_lens::report::model::Category;
use casualty_lens::Extractor;
use serde::ser::{Serialize, SerializeStruct, Serializer};
use std::sync::Arc;

/// Documents per `arrow-json` decoder: each block is decoded on one thread, then the blocks'
/// batches are concatenated.
const BLOCK_ROWS: usize = 64;

fn int(name: &str) -> Field {
    Field::new(name, DataType::Int64, true)
}

fn utf8(name: &str) -> Field {
    Field::new(name, DataType::Utf8, true)
}

fn float(name: &str) -> Field {
    Field::new(name, DataType::Float64, true)
}

fn list_of(name: &str, item: DataType) -> Field {
    Field::new(
        name,
        DataType::List(Arc::new(Field::new("item", item, true))),
        true,
    )
}

fn structure(name: &str, fields: Vec<Field>) -> Field {
    Field::new(name, DataType::Struct(Fields::from(fields)), true)
}

/// `{start, end, text}`: a span of the text (code point offsets).
fn span(name: &str) -> Field {
    structure(name, vec![int("start"), int("end"), utf8("text")])
}

/// Per category (`killed`, `injured`, ...): `{value, min, max, figures, history}`, null where
/// the document has no figure of the category.
fn totals(name: &str) -> Field {
    let total = |c: Category| {
        structure(
            c.as_str(),
            vec![
                int("value"),
                int("min"),
                int("max"),
                list_of("figures", DataType::Int64),
                list_of("history", DataType::Int64),
            ],
        )
    };
    structure(name, Category::ALL.into_iter().map(total).collect())
}

/// The fields of one document's report (`SCHEMA.md`), in the order the core writes them.
pub fn report_fields() -> Fields {
    let figure = structure(
        "item",
        vec![
            int("start"),
            int("end"),
            utf8("text"),
            utf8("category"),
            int("value"),
            utf8("qualifier"),
            int("min"),
            int("max"),
            utf8("victims"),
            span("trigger"),
            int("place"),
            int("part_of"),
            float("confidence"),
            span("sentence"),
            Field::new("implicit", DataType::Boolean, true),
            utf8("rule"),
        ],
    );
    let place = structure(
        "item",
        vec![
            utf8("name"),
            utf8("country"),
            utf8("admin1"),
            utf8("kind"),
            float("lat"),
            float("lon"),
            int("geonames_id"),
            list_of("mentions", span("item").data_type().clone()),
        ],
    );
    let incident = structure(
        "item",
        vec![
            utf8("date"),
            utf8("date_precision"),
            int("place"),
            totals("totals"),
            list_of("figures", DataType::Int64),
            float("confidence"),
        ],
    );
    Fields::from(vec![
        utf8("name"),
        utf8("date"),
        list_of("figures", figure.data_type().clone()),
        list_of("places", place.data_type().clone()),
        totals("totals"),
        list_of("incidents", incident.data_type().clone()),
        list_of("background", DataType::Int64),
        list_of("summary", DataType::Int64),
        utf8("text_hash"),
        utf8("error"),
    ])
}

/// A column of reports named `name`: a struct of [`report_fields`].
pub fn report_field(name: &str) -> Field {
    Field::new(name, DataType::Struct(report_fields()), true)
}

/// [`report_fields`] as a schema.
pub fn report_schema() -> Schema {
    Schema::new(report_fields())
}

/// The flat table's schema: one row per figure.
pub fn figures_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        utf8("id"),
        int("figure"),
        int("start"),
        int("end"),
        utf8("text"),
        utf8("category"),
        int("value"),
        utf8("qualifier"),
        int("min"),
        int("max"),
        utf8("place"),
        utf8("country"),
        float("lat"),
        float("lon"),
        utf8("sentence"),
    ]))
}

/// Texts read in place from any Arrow string layout.
enum Texts<'a> {
    Utf8(&'a arrow_array::StringArray),
    Large(&'a arrow_array::LargeStringArray),
    View(&'a arrow_array::StringViewArray),
}

impl<'a> Texts<'a> {
    fn of(array: &'a ArrayRef) -> Result<Texts<'a>, Failure> {
        match array.data_type() {
            DataType::Utf8 => Ok(Texts::Utf8(array.as_string::<i32>())),
            DataType::LargeUtf8 => Ok(Texts::Large(array.as_string::<i64>())),
            DataType::Utf8View => Ok(Texts::View(array.as_string_view())),
            other => Err(Failure::Type(format!(
                "texts must be an Arrow string array, not {other}"
            ))),
        }
    }

    fn len(&self) -> usize {
        match self {
            Texts::Utf8(a) => a.len(),
            Texts::Large(a) => a.len(),
            Texts::View(a) => a.len(),
        }
    }

    /// Row `i`'s text (None where null).
    fn get(&self, i: usize) -> Option<&'a str> {
        match self {
            Texts::Utf8(a) => a.is_valid(i).then(|| a.value(i)),
            Texts::Large(a) => a.is_valid(i).then(|| a.value(i)),
            Texts::View(a) => a.is_valid(i).then(|| a.value(i)),
        }
    }
}

/// The documents' names: the ids (strings or integers) where given, else the row numbers.
fn names(ids: Option<&ArrayRef>, n: usize) -> Result<Vec<String>, Failure> {
    let Some(ids) = ids else {
        return Ok((0..n).map(|i| i.to_string()).collect());
    };
    if ids.len() != n {
        return Err(Failure::Value(format!("{} ids for {} texts", ids.len(), n)));
    }
    let text = |i: usize, v: Option<String>| v.unwrap_or_else(|| i.to_string());
    Ok(match ids.data_type() {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => {
            let t = Texts::of(ids)?;
            (0..n)
                .map(|i| text(i, t.get(i).map(str::to_string)))
                .collect()
        }
        DataType::Int64 => {
            let a = ids.as_primitive::<arrow_array::types::Int64Type>();
            (0..n)
                .map(|i| text(i, a.is_valid(i).then(|| a.value(i).to_string())))
                .collect()
        }
        DataType::Int32 => {
            let a = ids.as_primitive::<arrow_array::types::Int32Type>();
            (0..n)
                .map(|i| text(i, a.is_valid(i).then(|| a.value(i).to_string())))
                .collect()
        }
        other => {
            return Err(Failure::Type(format!(
                "ids must be strings or integers, not {other}"
            )))
        }
    })
}

/// The report of a null text: its values are masked by the row's null bit.
struct NullRow<'a>(&'a str);

impl Serialize for NullRow<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let none: [u8; 0] = [];
        let mut s = serializer.serialize_struct("DocumentReport", 4)?;
        s.serialize_field("name", self.0)?;
        s.serialize_field("figures", &none)?;
        s.serialize_field("places", &none)?;
        s.serialize_field("totals", &std::collections::BTreeMap::<u8, u8>::new())?;
        s.end()
    }
}

/// Rows `rows` of `texts` as a batch of [`report_fields`], decoded on the calling thread.
fn block(
    extractor: &Extractor,
    texts: &Texts<'_>,
    names: &[String],
    schema: &SchemaRef,
    rows: std::ops::Range<usize>,
) -> Result<Option<RecordBatch>, Failure> {
    let mut decoder = arrow_json::ReaderBuilder::new(schema.clone())
        .with_batch_size(rows.len().max(1))
        .with_strict_mode(true)
        .build_decoder()
        .map_err(Failure::arrow)?;
    for i in rows {
        let name = names.get(i).map_or("", String::as_str);
        match texts.get(i) {
            Some(text) => {
                let text = prepared(name, text);
                let analysis = extractor.analyse(&text);
                decoder.serialize(&[analysis.view(name)])
            }
            None => decoder.serialize(&[NullRow(name)]),
        }
        .map_err(Failure::arrow)?;
    }
    decoder.flush().map_err(Failure::arrow)
}

/// The reports of `texts` as a struct array (`report_fields`), null where the text is null.
/// Rows are named by `ids` where given, else by their row numbers.
pub fn reports(
    extractor: &Extractor,
    texts: &ArrayRef,
    ids: Option<&ArrayRef>,
    threads: Threads,
) -> Result<ArrayRef, Failure> {
    let t = Texts::of(texts)?;
    let n = t.len();
    let names = names(ids, n)?;
    let schema: SchemaRef = Arc::new(report_schema());
    let blocks = threads.map(n.div_ceil(BLOCK_ROWS), |b| {
        let rows = b * BLOCK_ROWS..((b + 1) * BLOCK_ROWS).min(n);
        block(extractor, &t, &names, &schema, rows)
    })?;
    let mut batches = Vec::with_capacity(blocks.len());
    for b in blocks {
        batches.extend(b?);
    }
    let batch = arrow_select::concat::concat_batches(&schema, &batches).map_err(Failure::arrow)?;
    let (fields, columns, _) = StructArray::from(batch).into_parts();
    let array =
        StructArray::try_new(fields, columns, texts.logical_nulls()).map_err(Failure::arrow)?;
    Ok(Arc::new(array))
}

/// One row per figure of `texts`' documents (`figures_schema`).
pub fn figures(
    extractor: &Extractor,
    texts: &ArrayRef,
    ids: Option<&ArrayRef>,
    threads: Threads,
) -> Result<RecordBatch, Failure> {
    let t = Texts::of(texts)?;
    let names = names(ids, t.len())?;
    let docs = threads.map(t.len(), |i| {
        t.get(i).map(|text| {
            let text = prepared(&names[i], text);
            extractor.extract(&names[i], &text)
        })
    })?;
    let rows: usize = docs.iter().flatten().map(|d| d.figures.len()).sum();
    let mut id = StringBuilder::with_capacity(rows, rows * 8);
    let (mut figure, mut start, mut end) = (
        Int64Builder::with_capacity(rows),
        Int64Builder::with_capacity(rows),
        Int64Builder::with_capacity(rows),
    );
    let mut text = StringBuilder::with_capacity(rows, rows * 16);
    let mut category = StringBuilder::with_capacity(rows, rows * 8);
    let mut value = Int64Builder::with_capacity(rows);
    let mut qualifier = StringBuilder::with_capacity(rows, rows * 8);
    let (mut min, mut max) = (
        Int64Builder::with_capacity(rows),
        Int64Builder::with_capacity(rows),
    );
    let mut place = StringBuilder::with_capacity(rows, rows * 8);
    let mut country = StringBuilder::with_capacity(rows, rows * 2);
    let (mut lat, mut lon) = (
        Float64Builder::with_capacity(rows),
        Float64Builder::with_capacity(rows),
    );
    let mut sentence = StringBuilder::with_capacity(rows, rows * 128);
    let as_i64 = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
    for (doc, name) in docs.iter().zip(&names) {
        let Some(doc) = doc else { continue };
        for (k, f) in doc.figures.iter().enumerate() {
            let p = f.place.and_then(|p| doc.places.get(p));
            id.append_value(name);
            figure.append_value(k as i64);
            start.append_value(f.start as i64);
            end.append_value(f.end as i64);
            text.append_value(&f.text);
            category.append_value(f.category.as_str());
            value.append_value(as_i64(f.value));
            qualifier.append_value(f.qualifier.as_str());
            min.append_option(f.min.map(as_i64));
            max.append_option(f.max.map(as_i64));
            place.append_option(p.map(|p| p.name.as_str()));
            country.append_option(p.and_then(|p| p.country.as_deref()));
            lat.append_option(p.and_then(|p| p.lat));
            lon.append_option(p.and_then(|p| p.lon));
            sentence.append_value(&f.sentence.text);
        }
    }
    let columns: Vec<ArrayRef> = vec![
        Arc::new(id.finish()),
        Arc::new(figure.finish()),
        Arc::new(start.finish()),
        Arc::new(end.finish()),
        Arc::new(text.finish()),
        Arc::new(category.finish()),
        Arc::new(value.finish()),
        Arc::new(qualifier.finish()),
        Arc::new(min.finish()),
        Arc::new(max.finish()),
        Arc::new(place.finish()),
        Arc::new(country.finish()),
        Arc::new(lat.finish()),
        Arc::new(lon.finish()),
        Arc::new(sentence.finish()),
    ];
    RecordBatch::try_new(figures_schema(), columns).map_err(Failure::arrow)
}
