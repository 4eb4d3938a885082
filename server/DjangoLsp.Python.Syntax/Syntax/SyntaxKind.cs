namespace DjangoLsp.Python.Syntax;

/// <summary>Kind of every token, trivia and node in a Python syntax tree.</summary>
public enum SyntaxKind : ushort
{
    None = 0,

    // ---- Trivia ----
    /// <summary>Spaces, tabs and form feeds.</summary>
    WhitespaceTrivia,
    /// <summary>A line end that is not a NEWLINE token (blank lines, inside brackets).</summary>
    EndOfLineTrivia,
    /// <summary>A <c>#</c> comment up to (not including) the line end.</summary>
    CommentTrivia,
    /// <summary>A backslash followed by a line end.</summary>
    LineContinuationTrivia,
    /// <summary>Text the parser skipped because it did not fit the grammar.</summary>
    SkippedTokensTrivia,
    /// <summary>The byte order mark at the start of a file.</summary>
    ByteOrderMarkTrivia,

    // ---- Special tokens ----
    EndOfFileToken,
    NewLineToken,
    IndentToken,
    DedentToken,
    IdentifierToken,
    NumberToken,
    /// <summary>A complete string literal without replacement fields (any prefix but f/t).</summary>
    StringToken,
    /// <summary>Prefix and opening quote of an f-string or t-string, e.g. <c>f"</c>.</summary>
    FStringStartToken,
    /// <summary>Literal text between replacement fields of an f-string or t-string.</summary>
    FStringMiddleToken,
    /// <summary>Closing quote of an f-string or t-string.</summary>
    FStringEndToken,
    /// <summary>A character that cannot start any token (e.g. <c>$</c>, <c>?</c>, a backtick).</summary>
    BadToken,

    // ---- Keywords ----
    FalseKeyword, NoneKeyword, TrueKeyword, AndKeyword, AsKeyword, AssertKeyword, AsyncKeyword, AwaitKeyword,
    BreakKeyword, ClassKeyword, ContinueKeyword, DefKeyword, DelKeyword, ElifKeyword, ElseKeyword, ExceptKeyword,
    FinallyKeyword, ForKeyword, FromKeyword, GlobalKeyword, IfKeyword, ImportKeyword, InKeyword, IsKeyword,
    LambdaKeyword, NonlocalKeyword, NotKeyword, OrKeyword, PassKeyword, RaiseKeyword, ReturnKeyword, TryKeyword,
    WhileKeyword, WithKeyword, YieldKeyword,

    // ---- Operators and delimiters ----
    OpenParenToken, CloseParenToken, OpenBracketToken, CloseBracketToken, OpenBraceToken, CloseBraceToken,
    ColonToken, CommaToken, SemicolonToken, PlusToken, MinusToken, StarToken, SlashToken, BarToken, AmpersandToken,
    LessThanToken, GreaterThanToken, EqualsToken, DotToken, PercentToken, EqualsEqualsToken, ExclamationEqualsToken,
    LessThanEqualsToken, GreaterThanEqualsToken, TildeToken, CaretToken, LessThanLessThanToken,
    GreaterThanGreaterThanToken, StarStarToken, PlusEqualsToken, MinusEqualsToken, StarEqualsToken, SlashEqualsToken,
    PercentEqualsToken, AmpersandEqualsToken, BarEqualsToken, CaretEqualsToken, LessThanLessThanEqualsToken,
    GreaterThanGreaterThanEqualsToken, StarStarEqualsToken, SlashSlashToken, SlashSlashEqualsToken, AtToken,
    AtEqualsToken, MinusGreaterThanToken, DotDotDotToken, ColonEqualsToken, ExclamationToken,
    /// <summary><c>&lt;&gt;</c> (Python 2 only; always an error).</summary>
    LessThanGreaterThanToken,

    // ---- Nodes: structure ----
    /// <summary>A list of child nodes/tokens (statements, arguments with their commas, ...).</summary>
    List,
    Module,
    Block,
    Decorator,
    DottedName,
    ArgumentList,
    Argument,
    ParameterList,
    Parameter,
    PositionalOnlySeparator,
    TypeParameterList,
    TypeParameter,
    ElifClause,
    ElseClause,
    ExceptClause,
    FinallyClause,
    WithItem,
    ImportAlias,
    CaseClause,
    ComprehensionFor,
    ComprehensionIf,
    DictEntry,
    CompareOperand,
    Interpolation,

    // ---- Nodes: statements ----
    ExpressionStatement,
    AssignmentStatement,
    AugmentedAssignmentStatement,
    AnnotatedAssignmentStatement,
    PassStatement,
    BreakStatement,
    ContinueStatement,
    ReturnStatement,
    RaiseStatement,
    GlobalStatement,
    NonlocalStatement,
    DeleteStatement,
    AssertStatement,
    ImportStatement,
    FromImportStatement,
    TypeAliasStatement,
    IfStatement,
    WhileStatement,
    ForStatement,
    TryStatement,
    WithStatement,
    FunctionDefinition,
    ClassDefinition,
    MatchStatement,

    // ---- Nodes: expressions ----
    NameExpression,
    NumberLiteralExpression,
    TrueLiteralExpression,
    FalseLiteralExpression,
    NoneLiteralExpression,
    EllipsisLiteralExpression,
    /// <summary>One or more adjacent string literals (plain strings, f-strings, t-strings).</summary>
    StringLiteralExpression,
    FStringExpression,
    TStringExpression,
    ParenthesizedExpression,
    TupleExpression,
    ListExpression,
    SetExpression,
    DictExpression,
    ListComprehension,
    SetComprehension,
    DictComprehension,
    GeneratorExpression,
    UnaryExpression,
    BinaryExpression,
    BooleanExpression,
    CompareExpression,
    AwaitExpression,
    ConditionalExpression,
    LambdaExpression,
    NamedExpression,
    StarredExpression,
    DoubleStarredExpression,
    YieldExpression,
    YieldFromExpression,
    AttributeExpression,
    CallExpression,
    SubscriptExpression,
    SliceExpression,

    // ---- Nodes: patterns ----
    ValuePattern,
    CapturePattern,
    WildcardPattern,
    AsPattern,
    OrPattern,
    SequencePattern,
    StarPattern,
    MappingPattern,
    KeyValuePattern,
    DoubleStarPattern,
    ClassPattern,
    KeywordPattern,
    GroupPattern,
}
