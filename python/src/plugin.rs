//! A compiled Polars expression plugin: Polars' engine calls these C functions from its own
//! threads, with no Python and no GIL in the loop (`casualty_lens.polars.extract` registers
//! them with `polars.plugins.register_plugin_function`).
//!
//! The interface is Polars' plugin ABI version 0.1, the C side of what the `pyo3-polars` crate
//! generates (the loader is `polars-plan`'s `function_expr/plugin.rs`, the structs
//! `polars-ffi`'s `version_0`). That crate is not used: it needs its own PyO3 (0.29, where
//! `pyo3-arrow` needs 0.30 and only one may link) and the whole `polars` crate, and the ABI is
//! four functions over the Arrow C data interface, which `arrow-rs` already speaks:
//! - `_polars_plugin_get_version() -> u32`: `major << 16 | minor`;
//! - `_polars_plugin_field_NAME(fields, n, out, kwargs, kwargs_len)`: the output's Arrow field
//!   for the input fields;
//! - `_polars_plugin_NAME(series, n, kwargs, kwargs_len, out, context)`: the plugin owns the
//!   `n` input series (it releases them) and writes one series to `out`, or leaves `out` empty
//!   and sets the last error message;
//! - `_polars_plugin_get_last_error_message() -> *const c_char`: this thread's last error.
//!
//! One function per policy (`extract_literal`, `extract_acled`), so that no keyword arguments
//! (pickled by Polars) cross the boundary.

use crate::arrow::{report_field, reports};
use crate::run::{Failure, Threads};
use crate::shared;
use arrow_array::ffi::{from_ffi, FFI_ArrowArray, FFI_ArrowSchema};
use arrow_array::{make_array, new_empty_array, Array, ArrayRef};
use arrow_schema::Field;
use casualty_lens::Policy;
use std::cell::RefCell;
use std::ffi::{c_char, c_void, CString};
use std::mem::ManuallyDrop;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// The plugin ABI this module implements (`polars-ffi`'s `MAJOR`, `MINOR`).
const VERSION: (u16, u16) = (0, 1);

/// A Polars series over the C data interface (`polars_ffi::version_0::SeriesExport`): one
/// schema for the column and one Arrow array per chunk.
#[repr(C)]
pub struct SeriesExport {
    field: *mut FFI_ArrowSchema,
    /// `len` pointers to boxed arrays; whoever imports an array moves it out of its box.
    arrays: *mut *mut FFI_ArrowArray,
    len: usize,
    release: Option<unsafe extern "C" fn(*mut SeriesExport)>,
    private_data: *mut c_void,
}

impl Drop for SeriesExport {
    fn drop(&mut self) {
        if let Some(release) = self.release {
            // SAFETY: `release` is the exporter's own callback for this very struct.
            unsafe { release(self) }
        }
    }
}

/// What the caller allows (`polars_ffi::version_0::CallerContext`): bit 0 set means Polars
/// parallelises the calls itself, so the plugin must not start threads of its own.
#[repr(C)]
pub struct CallerContext {
    bitflags: u64,
}

impl CallerContext {
    fn parallel(&self) -> bool {
        self.bitflags & 1 == 1
    }
}

/// What an exported series owns until Polars releases it.
struct Exported {
    schema: Box<FFI_ArrowSchema>,
    arrays: Box<[*mut FFI_ArrowArray]>,
}

unsafe extern "C" fn release_exported(e: *mut SeriesExport) {
    // SAFETY: `e` is a series this module exported (`export`), released at most once: the
    // callback is cleared below.
    let Some(e) = (unsafe { e.as_mut() }) else {
        return;
    };
    if e.private_data.is_null() {
        return;
    }
    let Exported { schema, arrays } = *unsafe { Box::from_raw(e.private_data as *mut Exported) };
    for &array in arrays.iter() {
        // Free the box only: the importer moved the array (and its release) out of it.
        drop(unsafe { Box::from_raw(array as *mut ManuallyDrop<FFI_ArrowArray>) });
    }
    // The schema was only read by the importer: release it.
    drop(schema);
    e.private_data = std::ptr::null_mut();
    e.release = None;
}

/// One array as a series named by `field`.
fn export(field: &Field, array: &ArrayRef) -> Result<SeriesExport, Failure> {
    let schema = Box::new(FFI_ArrowSchema::try_from(field).map_err(Failure::arrow)?);
    let mut arrays: Box<[*mut FFI_ArrowArray]> = vec![Box::into_raw(Box::new(
        FFI_ArrowArray::new(&array.to_data()),
    ))]
    .into_boxed_slice();
    let field_ptr = &*schema as *const FFI_ArrowSchema as *mut FFI_ArrowSchema;
    let arrays_ptr = arrays.as_mut_ptr();
    let len = arrays.len();
    Ok(SeriesExport {
        field: field_ptr,
        arrays: arrays_ptr,
        len,
        release: Some(release_exported),
        private_data: Box::into_raw(Box::new(Exported { schema, arrays })) as *mut c_void,
    })
}

/// The chunks of a series Polars handed over, taking ownership of their arrays.
///
/// # Safety
/// `series` must be a valid export whose arrays were not imported yet.
unsafe fn import(series: &SeriesExport) -> Result<(Field, Vec<ArrayRef>), Failure> {
    // SAFETY (whole function): the pointers are the exporter's, valid for `len` arrays.
    let schema = unsafe { series.field.as_ref() }
        .ok_or_else(|| Failure::Value("the input series has no schema".into()))?;
    let field = Field::try_from(schema).map_err(Failure::arrow)?;
    let mut chunks = Vec::with_capacity(series.len);
    for i in 0..series.len {
        let boxed = unsafe { *series.arrays.add(i) };
        let array = unsafe { std::ptr::read(boxed) };
        let data = unsafe { from_ffi(array, schema) }.map_err(Failure::arrow)?;
        chunks.push(make_array(data));
    }
    Ok((field, chunks))
}

thread_local! {
    static LAST_ERROR: RefCell<CString> = RefCell::new(CString::default());
}

fn set_error(message: String) {
    let message = CString::new(message.replace('\0', " ")).unwrap_or_default();
    LAST_ERROR.with(|e| *e.borrow_mut() = message);
}

/// This module's plugin ABI version, `major << 16 | minor`.
#[no_mangle]
pub extern "C" fn _polars_plugin_get_version() -> u32 {
    (u32::from(VERSION.0) << 16) | u32::from(VERSION.1)
}

/// The last error of this thread, NUL-terminated; valid until its next error (Polars copies
/// it at once).
#[no_mangle]
pub extern "C" fn _polars_plugin_get_last_error_message() -> *const c_char {
    LAST_ERROR.with(|e| e.borrow().as_ptr())
}

/// The output field: a struct named as the input column.
///
/// # Safety
/// `fields` points to `n` valid schemas and `out` to a writable (empty) schema.
unsafe fn field_of(fields: *const FFI_ArrowSchema, n: usize, out: *mut FFI_ArrowSchema) {
    let result = catch_unwind(AssertUnwindSafe(|| -> Result<FFI_ArrowSchema, Failure> {
        if n != 1 || fields.is_null() {
            return Err(Failure::Value(format!(
                "extract takes one column of texts, not {n}"
            )));
        }
        // SAFETY: `fields` holds `n` = 1 schemas.
        let input = Field::try_from(unsafe { &*fields }).map_err(Failure::arrow)?;
        FFI_ArrowSchema::try_from(report_field(input.name())).map_err(Failure::arrow)
    }));
    match result {
        // SAFETY: `out` is the caller's empty schema; writing does not drop it.
        Ok(Ok(schema)) => unsafe { std::ptr::write(out, schema) },
        Ok(Err(e)) => set_error(e.to_string()),
        Err(_) => set_error("PANIC".into()),
    }
}

/// Reports of the one input column, written to `out`.
///
/// # Safety
/// `inputs` points to `n` valid series exports, which this function takes over; `out` to a
/// writable (empty) one; `context` to a valid context or null.
unsafe fn call(
    policy: Policy,
    inputs: *const SeriesExport,
    n: usize,
    out: *mut SeriesExport,
    context: *const CallerContext,
) {
    // Own the inputs first, so that they are released whatever happens below.
    let owned: Vec<SeriesExport> = (0..n)
        // SAFETY: `inputs` holds `n` exports, each read (moved) once.
        .map(|i| unsafe { std::ptr::read(inputs.add(i)) })
        .collect();
    let threads = match unsafe { context.as_ref() } {
        Some(c) if c.parallel() => Threads::Caller,
        _ => Threads::Pool(None),
    };
    let result = catch_unwind(AssertUnwindSafe(|| -> Result<SeriesExport, Failure> {
        let [series] = owned.as_slice() else {
            return Err(Failure::Value(format!(
                "extract takes one column of texts, not {n}"
            )));
        };
        // SAFETY: Polars' export, not imported before.
        let (field, chunks) = unsafe { import(series) }?;
        let texts = match chunks.as_slice() {
            [] => new_empty_array(field.data_type()),
            [one] => one.clone(),
            more => {
                let refs: Vec<&dyn Array> = more.iter().map(|c| c.as_ref()).collect();
                arrow_select::concat::concat(&refs).map_err(Failure::arrow)?
            }
        };
        let reports = reports(&shared(policy), &texts, None, threads)?;
        export(&report_field(field.name()), &reports)
    }));
    drop(owned);
    match result {
        // SAFETY: `out` is the caller's empty export; writing does not drop it.
        Ok(Ok(series)) => unsafe { std::ptr::write(out, series) },
        Ok(Err(e)) => set_error(e.to_string()),
        Err(_) => set_error("PANIC".into()),
    }
}

macro_rules! plugin {
    ($call:ident, $field:ident, $policy:expr) => {
        /// The plugin function (see the module's documentation).
        ///
        /// # Safety
        /// Called by Polars' plugin loader with its ABI's arguments.
        #[no_mangle]
        pub unsafe extern "C" fn $call(
            inputs: *const SeriesExport,
            n: usize,
            _kwargs: *const u8,
            _kwargs_len: usize,
            out: *mut SeriesExport,
            context: *const CallerContext,
        ) {
            unsafe { call($policy, inputs, n, out, context) }
        }

        /// The plugin function's output field (see the module's documentation).
        ///
        /// # Safety
        /// Called by Polars' plugin loader with its ABI's arguments.
        #[no_mangle]
        pub unsafe extern "C" fn $field(
            fields: *const FFI_ArrowSchema,
            n: usize,
            out: *mut FFI_ArrowSchema,
            _kwargs: *const u8,
            _kwargs_len: usize,
        ) {
            unsafe { field_of(fields, n, out) }
        }
    };
}

plugin!(
    _polars_plugin_extract_literal,
    _polars_plugin_field_extract_literal,
    Policy::Literal
);
plugin!(
    _polars_plugin_extract_acled,
    _polars_plugin_field_extract_acled,
    Policy::AcledConservative
);
