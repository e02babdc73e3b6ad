import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'chuyenvien@chinhphu.vn' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  email!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'dau.moi@mof.gov.vn' })
  @IsEmail({}, { message: 'email không hợp lệ' })
  email!: string;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ['vpcp', 'agency', 'viewer', 'admin'] })
  @IsIn(['vpcp', 'agency', 'viewer', 'admin'])
  role!: 'vpcp' | 'agency' | 'viewer' | 'admin';

  @ApiPropertyOptional({ example: 'BTC', description: 'Mã cơ quan (bắt buộc với vai trò agency)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  agency?: string;

  @ApiProperty({ minLength: 10, description: 'Mật khẩu, ít nhất 10 ký tự' })
  @IsString()
  @MinLength(10, { message: 'mật khẩu cần ít nhất 10 ký tự' })
  @MaxLength(200)
  password!: string;
}
